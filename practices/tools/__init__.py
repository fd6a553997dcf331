"""Practitioners' tools: the self-assessment and the transferability checklist.

Both are pages whose questions are content (translated with wagtail-localize
like every page) and whose answers are worked on in the request and then
forgotten: no database row, no session, no cookie, no log line, no cache entry.
"""
