"""Exercise 7: route the main job by hand, skipping the fact-checker.

`casework run "summarize the agile posts" --human` pauses before every handoff and asks you:
approve, send AGENT, edit INSTRUCTION or finish. Write in ANSWERS what you would answer at each
pause, in order, so that the case goes case worker → summarizer → citation finder → case worker.
Check: casework exercises check 7
"""

ANSWERS = ["approve", "approve", "approve", "approve", "approve"]  # TODO: this approves every proposal
