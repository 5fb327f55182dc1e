"""Opt-in active checks against devices: default-password login tests.

Core code: nothing here imports Home Assistant. Every probe goes through the address guard,
is bounded in attempts, time and concurrency, and can be cancelled. A password is only ever
sent to the device under test: it is never logged, stored, shown or returned.
"""
