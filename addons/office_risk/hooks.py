from odoo.tools import SQL

# records that refer to each other or to the catalog with ON DELETE RESTRICT,
# children first
TABLES = (
    "office_risk_rectification",
    "office_risk_event",
    "office_risk_inspection_finding",
    "office_risk_inspection_check",
    "office_risk_inspection_score",
    "office_risk_inspection_result",
    "office_risk_inspection",
    "office_risk_error_deduction",
    "office_risk_error",
    "office_risk_sensor",
)


def uninstall_hook(env):
    """Rectifications keep their events and findings, sensors their risk
    points (``ON DELETE RESTRICT``). Their tables are dropped with the module
    anyway: empty them first so that the module's records can go."""
    env.cr.execute(
        SQL("DELETE FROM mail_activity WHERE res_model LIKE %s", "office.risk.%")
    )
    for table in TABLES:
        env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(table)))
