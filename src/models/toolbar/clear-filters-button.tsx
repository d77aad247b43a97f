import { Button } from '@/components/button'

/** Clears the search and every facet: in the toolbar, and where no model matches. */
export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick} className="flex-none text-accent-text">
      Clear all filters
    </Button>
  )
}
