"""Resolution: within-document arithmetic of claims, document fingerprints."""

from tipwatch.resolve.arithmetic import judge_claims
from tipwatch.resolve.fingerprint import near_duplicates, simhash

__all__ = ["judge_claims", "near_duplicates", "simhash"]
