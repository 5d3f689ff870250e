"""The web view and JSON API over the evidence base (``tipwatch serve``).

``create_app`` lives in :mod:`tipwatch.present.web.app`; import it from there so that
importing this package stays cheap.
"""
