import Foundation

/// Sample payloads copied from the seed documents (shared/seeds/*.md), as the provider reads
/// them, plus the shapes API-FACTS.md describes for the types the seeds do not show.
enum GraphFixtures {
    /// graph-manage-auth-methods-v1.md, step 2: Cameron has only a password.
    static let cameronPasswordOnly = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('CameronW%40contoso.com')/authentication/methods",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs, as this can lead to performance improvements. For example: GET users('<key>')/authentication/methods?$select=id",
        "value": [
            {
                "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
                "id": "28c10230-6103-485e-b985-444c60001490",
                "password": null,
                "createdDateTime": "2023-09-18T10:38:07Z"
            }
        ]
    }
    """#

    /// graph-manage-auth-methods-v1.md, step 3: the phone method just added.
    static let cameronAddedMobile = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('CameronW%40contoso.com')/authentication/phoneMethods/$entity",
        "id": "3179e48a-750b-4051-897c-87b9720928f7",
        "phoneNumber": "+1 2065555555",
        "phoneType": "mobile",
        "smsSignInState": "notAllowedByPolicy"
    }
    """#

    /// graph-manage-auth-methods-v1.md, step 4: office, mobile and password.
    static let cameronThreeMethods = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('CameronW%40contoso.com')/authentication/methods",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs, as this can lead to performance improvements. For example: GET users('<key>')/authentication/methods?$select=id",
        "value": [
            {
                "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
                "id": "e37fc753-ff3b-4958-9484-eaa9425c82bc",
                "phoneNumber": "+1 4255550199",
                "phoneType": "office",
                "smsSignInState": "notSupported"
            },
            {
                "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
                "id": "3179e48a-750b-4051-897c-87b9720928f7",
                "phoneNumber": "+1 2065555555",
                "phoneType": "mobile",
                "smsSignInState": "notAllowedByPolicy"
            },
            {
                "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
                "id": "28c10230-6103-485e-b985-444c60001490",
                "password": null,
                "createdDateTime": "2023-09-18T10:38:07Z"
            }
        ]
    }
    """#

    /// graph-manage-auth-methods-v1.md, step 6 option 2: the generated password.
    static let cameronResetAnswer = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.passwordResetResponse",
        "newPassword": "Hopu0277"
    }
    """#

    /// graph-manage-auth-methods-v1.md, step 6: the finished operation.
    static let cameronOperation = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('a87cc624-b550-4559-b934-3bc0325a4808')/authentication/operations/$entity",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs, as this can lead to performance improvements. For example: GET users('<guid>')/authentication/operations('<guid>')?$select=createdDateTime,lastActionDateTime",
        "id": "ba0c9a11-5163-4353-89ba-81501617ede0",
        "createdDateTime": "2024-01-18T16:37:10Z",
        "lastActionDateTime": "2024-01-18T16:37:10Z",
        "status": "succeeded",
        "statusDetail": "ResetSuccess",
        "resourceLocation": "https://graph.microsoft.com/v1.0/users/a87cc624-b550-4559-b934-3bc0325a4808/authentication/methods/28c10230-6103-485e-b985-444c60001490"
    }
    """#

    /// graph-auth-methods-get-started-beta.md, step 2: Avery, password only (`creationDateTime` null).
    static let averyPasswordOnly = #"""
    {
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#users('avery.howard%40wingtiptoysonline.com')/authentication/methods",
        "value": [
            {
                "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
                "id": "28c10230-6103-485e-b985-444c60001490",
                "password": null,
                "creationDateTime": null
            }
        ]
    }
    """#

    /// graph-auth-methods-get-started-beta.md, step 3: the phoneMethods list (no `@odata.type`).
    static let averyPhoneMethods = #"""
    {
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#users('avery.howard%40wingtiptoysonline.com')/authentication/phoneMethods",
        "value": [
            {
                "id": "e37fc753-ff3b-4958-9484-eaa9425c82bc",
                "phoneNumber": "+1 4255550199",
                "phoneType": "office",
                "smsSignInState": "notSupported"
            },
            {
                "id": "3179e48a-750b-4051-897c-87b9720928f7",
                "phoneNumber": "+1 2065550123",
                "phoneType": "mobile",
                "smsSignInState": "ready"
            }
        ]
    }
    """#

    /// graph-auth-methods-get-started-beta.md, step 4: mobile and password.
    static let averyMobileAndPassword = #"""
    {
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#users('avery.howard%40wingtiptoysonline.com')/authentication/methods",
        "value": [
            {
                "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
                "id": "3179e48a-750b-4051-897c-87b9720928f7",
                "phoneNumber": "+1 2065550123",
                "phoneType": "mobile",
                "smsSignInState": "ready"
            },
            {
                "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
                "id": "28c10230-6103-485e-b985-444c60001490",
                "password": null,
                "creationDateTime": null
            }
        ]
    }
    """#

    /// graph-auth-methods-get-started-beta.md, step 5: the operation after a reset.
    static let averyOperation = #"""
    {
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#users('ed178e23-7447-4892-baf8-fc46f8af26ce')/authentication/operations/$entity",
        "id": "74bfa1a6-c0e0-4957-8c37-f91048f4959e",
        "createdDateTime": "2020-05-14T00:23:40Z",
        "lastActionDateTime": "2020-05-14T00:23:41Z",
        "status": "succeeded",
        "statusDetail": "ResetSuccess",
        "resourceLocation": "https://graph.microsoft.com/beta/users/ed178e23-7447-4892-baf8-fc46f8af26ce/authentication/methods/28c10230-6103-485e-b985-444c60001490"
    }
    """#

    /// Every other v1.0 type, with the properties of the CSDL excerpt, and one type this
    /// version does not know.
    static let everyType = #"""
    {
        "value": [
            {"@odata.type": "#microsoft.graph.emailAuthenticationMethod", "id": "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAddress": "kim@contoso.com"},
            {"@odata.type": "#microsoft.graph.fido2AuthenticationMethod", "id": "-2_GRUg2-HYz6_1YG4YRAQ2", "displayName": "Red Key", "aaGuid": "2fc0579f-8113-47ea-b116-bb5a8db9202a", "model": "YubiKey 5 NFC", "attestationLevel": "attested", "passkeyType": "deviceBound", "attestationCertificates": ["dbe793efdf1945e2df25d93653a1e8a3268a9075"], "createdDateTime": "2020-08-10T06:44:09Z"},
            {"@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", "id": "6d5bcc8b-d9a0-4d71-8d6b-8b5a8a10b6b5", "displayName": "iPhone 15", "deviceTag": "SoftwareTokenActivated", "phoneAppVersion": "6.8.7", "createdDateTime": "2024-02-01T09:30:00.123Z"},
            {"@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod", "id": "b172893e-893e-4d6e-b8a2-b5a8f2b1c2d3", "secretKey": null},
            {"@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod", "id": "6f1fb2c6-dd3f-4b8e-8c4e-3b6e2c6e2b11", "temporaryAccessPass": null, "createdDateTime": "2022-06-02T16:21:09.4474074Z", "startDateTime": "2022-06-02T16:21:09.4474074Z", "lifetimeInMinutes": 60, "isUsableOnce": false, "isUsable": true, "methodUsabilityReason": "EnabledByPolicy"},
            {"@odata.type": "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod", "id": "_jpuR-TGZtk6aQCLF3BQjA2", "displayName": "WINDOWSHELLO-1", "keyStrength": "normal", "createdDateTime": "2020-08-10T06:44:09Z"},
            {"@odata.type": "#microsoft.graph.platformCredentialAuthenticationMethod", "id": "pc-1", "displayName": "MacBook Pro", "keyStrength": "normal", "platform": "macOS"},
            {"@odata.type": "#microsoft.graph.futureBadgeAuthenticationMethod", "id": "qr-1", "displayName": "Badge", "pinLength": 8, "isEnabled": true, "standardQRCode": {"id": "x"}}
        ]
    }
    """#

    /// Beta `hardwareOathMethods`, the device nested as the beta reference shows it.
    static let hardwareOath = #"""
    {
        "value": [
            {"id": "aad49556-8b6e-4a3d-a1f5-cd2c4c1c5d8b", "displayName": "Token 1",
             "device": {"id": "aad49556-8b6e-4a3d-a1f5-cd2c4c1c5d8b", "serialNumber": "TOTP123456", "manufacturer": "Contoso", "model": "Hardware Token 1000", "status": "activated"}}
        ]
    }
    """#

    /// A page of users as `GET /users?$select=...` answers it.
    static let userPage = #"""
    {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mail)",
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=1&$skiptoken=RFNwdAIAAQAAAB",
        "value": [
            {"id": "a87cc624-b550-4559-b934-3bc0325a4808", "displayName": "Cameron White", "userPrincipalName": "CameronW@contoso.com", "mail": "CameronW@contoso.com", "jobTitle": "Sales", "department": null, "accountEnabled": true, "onPremisesSyncEnabled": null}
        ]
    }
    """#
}
