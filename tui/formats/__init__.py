"""The workbook in the files other tools read (csv, json, ics, md), as pure functions of domain objects."""
