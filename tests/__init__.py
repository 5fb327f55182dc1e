"""Tests of the Device Security integration."""
