"""Clean-up of scraped text: drop ads, bylines, captions and lists of other stories.

``clean(raw)`` returns a :class:`CleanDocument` whose ``text`` is the kept lines and
whose ``offsets`` map every offset back into ``raw.text``.
"""

from tipwatch.clean.boilerplate import BoilerplateRules, clean, load_boilerplate_rules

__all__ = ["BoilerplateRules", "clean", "load_boilerplate_rules"]
