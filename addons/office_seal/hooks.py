from odoo.tools import SQL


def uninstall_hook(env):
    """The ledgers refuse to lose the requests, take-outs and hand-overs they
    record (foreign keys ``ON DELETE RESTRICT``). Their tables are dropped with
    the module anyway: empty them first so that the module's records can go."""
    for table in (
        "office_seal_ledger",
        "office_seal_handover_ledger",
        "office_seal_key_use",
    ):
        env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(table)))
