"""Modal dialogs; each is a ModalScreen[T] that dismisses its value.

Each is imported from its own module when it is first needed: importing this package loads none of
them, so the question asked at a start (a call cut off) does not load every dialog with it.
"""
