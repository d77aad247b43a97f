import type { Model } from '@/api/model-schema'
import { uuidSource } from '@common/model-id'

import { phaseOf } from './status'

const uuid = new RegExp(uuidSource, 'gi')

/** The line that says what went wrong: the first, or a traceback's last (the exception). */
function tellingLine(reason: string): string {
  const lines = reason
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const first = lines[0] ?? ''
  return first.startsWith('Traceback (most recent call last)') ? (lines.at(-1) ?? first) : first
}

/**
 * The group a failure reason belongs to: its telling line with ids, URLs, paths, hex and numbers
 * replaced by placeholders, so "allocate 2.00 GiB" and "allocate 1.50 GiB" are one group.
 */
export function failureGroup(reason: string): string {
  let group = knownGroups.get(reason)
  if (group === undefined) {
    if (knownGroups.size >= rememberedGroups) knownGroups.clear()
    knownGroups.set(reason, (group = groupOf(reason)))
  }
  return group
}

/** Accounts repeat the same few reasons across thousands of models: each is worked out once. */
const knownGroups = new Map<string, string>()
const rememberedGroups = 1_000

function groupOf(reason: string): string {
  return tellingLine(reason)
    .replace(uuid, '<id>')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>')
    .replace(/(?:\/[\w.-]+){2,}/g, '<path>')
    .replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b/gi, '<hex>')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .slice(0, 200)
}

/** The failure facet's value: a group for each failed model, nothing for the rest. */
export function failureGroupOf(model: Model): string {
  if (phaseOf(model) !== 'failed') return ''
  return model.failureReason?.trim() ? failureGroup(model.failureReason) : 'No reason given'
}
