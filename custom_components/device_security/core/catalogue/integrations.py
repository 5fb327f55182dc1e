"""Integrations whose devices show the same Zigbee strings, whichever of them shows them."""

ZIGBEE = frozenset({"zha", "deconz"})
# Integrations that show a Zigbee device's own strings although they do not speak Zigbee
# themselves: the Hue bridge's API and HomeKit bridges pass its model id through.
SHOWS_ZIGBEE_STRINGS = frozenset({"hue", "homekit_controller"})
