# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Secrecy Management",
    "summary": "保密: classification decisions by the classification officer, the "
    "register of cleared staff with commitments and decontamination periods, "
    "secret carriers (copy, carry-out, repair, destruction under approval, "
    "stock-taking), leak incidents, trainings and secrecy inspections",
    "version": "18.0.1.1.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_base"],
    "data": [
        "security/office_secrecy_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/office_secrecy_menus.xml",
        "views/office_classification_officer_views.xml",
        "views/office_classification_decision_views.xml",
        "views/office_secrecy_person_views.xml",
        "views/office_secrecy_agreement_views.xml",
        "views/office_secrecy_trip_views.xml",
        "views/office_secret_carrier_views.xml",
        "views/office_secret_carrier_request_views.xml",
        "views/office_secret_carrier_movement_views.xml",
        "views/office_secret_carrier_check_views.xml",
        "views/office_secrecy_incident_views.xml",
        "views/office_secrecy_training_views.xml",
        "views/office_secrecy_inspection_views.xml",
        "views/hr_department_views.xml",
        "views/res_config_settings_views.xml",
        "report/office_secret_carrier_request_report.xml",
        "data/office_secrecy_check_type_data.xml",
        "views/office_secrecy_equipment_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/office_secrecy_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["office_secrecy/static/tests/tours/**/*"],
    },
    "installable": True,
    "application": False,
}
