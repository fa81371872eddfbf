"""Parley: code news into sourced CAMEO/PLOVER events."""
