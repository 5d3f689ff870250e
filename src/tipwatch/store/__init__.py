"""The evidence base: schema, migrations, writing and the read-side queries."""
