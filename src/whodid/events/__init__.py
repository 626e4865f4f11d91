"""Event coding: turning clauses into CAMEO events (who did what to whom).

:mod:`whodid.events.lexicon` holds the event lexicon (verbs, event nouns, negation rules) read from the
package data in ``whodid/data/events/``.
"""
