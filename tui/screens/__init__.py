"""Screens: the main workbook screen and what it owns."""

from .main import MainScreen

__all__ = ["MainScreen"]
