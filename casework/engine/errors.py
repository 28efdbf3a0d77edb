"""The one error a user can cause and fix: the CLI prints its message in one line and exits 1.

Anything else raised is a bug in casework and keeps its traceback.
"""


class UserError(ValueError):
    """Bad input or a setup a user can fix; the message says what to do."""
