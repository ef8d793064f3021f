"""Small community grants: programmes, rounds, applications, assessment, awards and payments."""
