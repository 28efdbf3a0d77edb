"""The exercises' starter files, installed as casework.exercises.starters (`casework exercises start N`)."""
