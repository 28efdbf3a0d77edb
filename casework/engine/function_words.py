"""English function words: the grammar of an English claim, not its content.

The corpus is mostly Korean, so an English word's inverse sentence frequency is near its ceiling
whether it is "Farfetch" or "during": weighted by idf alone, "you", "during" and "long" counted as
much as a name in an English claim, and a Korean sentence that states the claim covered half of
it. These words carry no fact a sentence could state or contradict; numbers, negations ("not",
"never", "no") and comparators ("more", "less", "than", "only") are left out of the list, since
the comparators read them.
Not handled: content words that are frequent in English prose (the term map and idf weigh those).
"""

from __future__ import annotations

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    i me my mine we us our ours you your yours he him his she her hers they them their theirs it its
    itself themselves himself herself ourselves yourself one ones someone something anyone anything
    everyone everything who whom whose which what that this these those there here where when why how
    a an the some any each every either both all another other such
    am is are was were be been being has have had having do does did doing done
    will would shall should can could may might must
    of to in on at by for from with within without into onto upon about above below over under
    between among through during before after since until across along around against toward towards
    per via as like unlike
    and or but nor so yet if then else because although though while whereas whether
    also just even still already ever very quite rather really too much many
    s 's t d ll ve re get gets got make makes made let lets say says said according
    """.split()
)
