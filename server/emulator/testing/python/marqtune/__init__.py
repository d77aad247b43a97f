"""A stand-in for Marqo's official `marqtune` client (0.2.x), for tests only.

The tests put this folder's parent on PYTHONPATH and run the dashboard's Python snippets with it
against the emulator: the same calls, the same requests on the wire, and only the fields the
real client reads, at the top level of each answer (docs/marqtune-api.md, "What the official
client reads on the wire"). It is not the real client, which cannot be installed here.
"""
