"""Real protocol servers on loopback that stand in for devices."""
