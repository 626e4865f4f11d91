"""Actor resolution: who is who (countries, roles, bodies and international organisations)."""
