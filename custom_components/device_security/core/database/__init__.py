"""The support-period and manufacturer database: model, schema, loader, matcher.

Core code: nothing here imports Home Assistant.
"""
