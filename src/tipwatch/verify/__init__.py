"""Verification over the evidence base: reconciliation, series, reports, evaluation."""
