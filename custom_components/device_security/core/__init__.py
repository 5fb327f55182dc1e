"""The part of Device Security that does not need Home Assistant.

What a device is, what is known about it, what is checked and how the report is scored:
plain Python, tested and benchmarked without Home Assistant, and publishable on its own.
Nothing in this package imports ``homeassistant`` (a lint rule enforces it).
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
