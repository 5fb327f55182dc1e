"""Integrations whose devices show the same Zigbee strings, whichever of them shows them."""

ZIGBEE = frozenset({"zha", "deconz"})
