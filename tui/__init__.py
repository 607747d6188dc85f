"""followup: a terminal workbook for following up on a job interview by phone."""

__version__ = "0.1.0"
