"""The engine the skills stand on: posts, text, terms, the encoder, the index, the store, retrieval.

Nothing here is a skill: agents reach it only through the skills in `casework.skills`.
"""
