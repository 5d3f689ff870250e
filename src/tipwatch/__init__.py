"""tipwatch: source-grounded trafficking-in-persons statistics."""

__version__ = "0.1.0"
