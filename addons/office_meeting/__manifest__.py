# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Office Meetings",
    "summary": "会议: meetings from the agenda to the minutes and the follow-up — "
    "kinds and who convenes, agenda items through the leader in charge, rooms "
    "without double booking, notices, QR sign-in, absences, minutes and decisions",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_base", "calendar"],
    "data": [
        "security/office_meeting_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/office_meeting_kind_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/office_meeting_minutes_report.xml",
        "views/office_meeting_menus.xml",
        "views/office_meeting_kind_views.xml",
        "views/office_meeting_room_views.xml",
        "views/office_meeting_views.xml",
        "views/office_meeting_attendee_views.xml",
        "views/office_meeting_topic_views.xml",
        "views/office_meeting_decision_views.xml",
        "views/office_meeting_sign_in_templates.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/office_meeting_demo.xml",
    ],
    "installable": True,
    "application": True,
}
