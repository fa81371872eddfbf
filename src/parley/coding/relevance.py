"""Which events are political-event data, and which are not (`Event.relevant`).

An event is relevant when any of these holds:

- its CAMEO root is protest, coercion or violence (14, 17, 18, 19, 20), whoever the actors;
- its source or target is a country, a state organ (GOV, MIL, COP, JUD, LEG, SPY), a political party,
  the opposition, an elite (PTY, OPP, ELI), an armed or criminal group (REB, INS, SEP, UAF, CRM, PRM),
  an international, non-governmental or transnational body (IGO, NGO, IMG), organised civil society
  (LAB, HRI, REF, CVL: unions, rights groups, refugees, civilians and protesters), a government
  agency of any sector named with its country ("USAEDU", "KENHLH"), or a known named person of
  those kinds.

So a company's deal, a university's study, a celebrity's tour or an unnamed person's act ("they
helped a lot") is not relevant: it is coded and kept, but statistics, rankings and queries leave it
out unless asked (`EventFilter(relevant_only=False)`, `--all-actors`).
"""

from __future__ import annotations

from parley.types import ActorMention

__all__ = ["is_relevant"]

_ALWAYS_ROOTS = frozenset({"14", "17", "18", "19", "20"})
_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "ELI", "REB", "INS",
                                "SEP", "UAF", "CRM", "PRM", "LAB", "HRI", "REF", "CVL", "AGR", "IGO", "NGO",
                                "IMG", "MOD", "RAD", "ENV"})
# Sectors that are political only as part of a state ("the Kenyan health ministry" is KENHLH).
_OTHER_SECTORS = frozenset({"BUS", "EDU", "HLH", "MED", "REL", "SPT", "ENT", "MNC"})


def is_relevant(cameo: str, source: ActorMention | None, target: ActorMention | None) -> bool:
    """Whether an event with this code and these actors is political-event data (see the module)."""
    if cameo[:2] in _ALWAYS_ROOTS:
        return True
    return any(_political(m) for m in (source, target))


def _political(mention: ActorMention | None) -> bool:
    if mention is None or not mention.code:
        return False
    code = mention.code
    if mention.country is not None:
        sectors = {code[i:i + 3] for i in range(3, len(code), 3)}
        # a country itself, or any of its organs; a country's businesses, schools or media alone are not
        return not sectors or not sectors <= _OTHER_SECTORS or mention.sector in _POLITICAL_SECTORS
    head = code[:3]
    return head in _POLITICAL_SECTORS or (mention.sector or "") in _POLITICAL_SECTORS
