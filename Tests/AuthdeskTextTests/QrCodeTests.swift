import Testing
@testable import AuthdeskText

/// The QR encoder against codes made by the Python `qrcode` package (8.2) for the same bytes,
/// version, level L and mask: every module must match. The fixtures are the rows as hex (the
/// left module first, zero-padded on the left to whole hex digits).
@Suite struct QrCodeTests {
    static func hex(_ code: QrCode) -> [String] {
        code.modules.map { row in
            var bits = row.map { $0 ? "1" : "0" }.joined()
            bits = String(repeating: "0", count: (4 - bits.count % 4) % 4) + bits
            return stride(from: 0, to: bits.count, by: 4).map { start -> String in
                let nibble = bits.dropFirst(start).prefix(4)
                return String(Int(nibble, radix: 2) ?? 0, radix: 16)
            }.joined()
        }
    }

    @Test func aShortUriIsVersion5AsQrcodeMakesIt() throws {
        let code = try QrCode("otpauth://totp/acme.example:noa@example.com?secret=JBSWY3DPEHPK3PXP&issuer=acme.example", mask: 3)
        #expect(code.version == 5)
        #expect(Self.hex(code) == Self.version5)
    }

    @Test func aFullUriIsVersion7WithItsVersionInformation() throws {
        let uri = "otpauth://totp/127.0.0.1%3A45323:no.mfa@example.com?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
            + "&issuer=127.0.0.1%3A45323&algorithm=SHA1&digits=6&period=30"
        let code = try QrCode(uri, mask: 6)
        #expect(code.version == 7)
        #expect(Self.hex(code) == Self.version7)
    }

    @Test func version10HasUnevenBlocksAndA16BitCount() throws {
        let code = try QrCode(String(repeating: "x", count: 240), mask: 1)
        #expect(code.version == 10)
        #expect(Self.hex(code) == Self.version10)
    }

    @Test func theChosenMaskIsOneOfTheEightAndTooMuchIsRefused() throws {
        let code = try QrCode("otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP")
        #expect((0..<8).contains(code.mask))
        #expect(code == (try QrCode("otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP", mask: code.mask)))
        #expect(throws: QrCode.TooLong(count: 272)) { try QrCode(String(repeating: "x", count: 272)) }
    }

    static let version5 = [
        "1fd81f717f",
        "1040096041",
        "1753c51d5d",
        "175a08ce5d",
        "175eff995d",
        "10495ad841",
        "1fd555557f",
        "000acd3400",
        "1e50cf059d",
        "0ab811a122",
        "13e451a530",
        "07a7c66e9e",
        "02d20bcc5f",
        "06babc5ff5",
        "08c546ddd6",
        "0911a0f50b",
        "1bca046a0e",
        "159da33e41",
        "1f732142ef",
        "1ca10f7612",
        "15dbaf06b0",
        "0135d268a6",
        "10f39031ec",
        "1988002814",
        "18596e0edf",
        "00977457dd",
        "0ec296dd2a",
        "163650e7c2",
        "0469645ffd",
        "001473611d",
        "1fc4f4cd5b",
        "1046dd3719",
        "174cdc25f2",
        "175815e2f7",
        "1758503cfc",
        "1053c77eec",
        "1fd208fce7",
    ]

    static let version7 = [
        "1fd29927d97f",
        "1046bcb89a41",
        "174dc46aba5d",
        "174bd6df1b5d",
        "174743ffd75d",
        "104bb9170041",
        "1fd55555557f",
        "0018dd144f00",
        "1b47aff1a841",
        "0c84bbaf55dc",
        "06d9007a340b",
        "1b00c6dcfda4",
        "0ad1758f7477",
        "179de6076bc5",
        "19d17f3f125c",
        "0f27c7c065af",
        "196d74849883",
        "0999f0a8e7a7",
        "05c32e593a01",
        "03adcd17e17f",
        "1df13ff7ebfc",
        "1f17751c571f",
        "115f5f521557",
        "091df110cb14",
        "07f5cdf519f1",
        "069928c64380",
        "05c3578ca084",
        "11a9f35a6b9e",
        "056de51a12f6",
        "08a53f5a5716",
        "0f55e323c24d",
        "07b5ecf1023c",
        "1f45a6512c02",
        "07167abcf590",
        "0172aca9bc77",
        "0f0451d2d555",
        "134577fb77f5",
        "001be7164311",
        "1fc15d5d8354",
        "104931148b14",
        "17559df69df1",
        "175f3a7a660a",
        "17492708b1fa",
        "1051262bc0d7",
        "1fdf3c336be8",
    ]

    static let version10 = [
        "1fd111177777e7f",
        "1053444ddddd241",
        "1746eee08888e5d",
        "17478a862222a5d",
        "17580307f77725d",
        "1055565c5dddc41",
        "1fd55555555557f",
        "001330344777500",
        "1cd9444fcdddcf3",
        "1634eee49888a87",
        "18e7f3fe022232d",
        "0182959b3777578",
        "0aefc0c15dddcd2",
        "0e34a2a40888a87",
        "154dbbbe622232d",
        "190e111a7777578",
        "03c24443ddddcd2",
        "1d2beee68888a87",
        "05cb3bbf222232d",
        "05ae511b7777578",
        "13771751ddddcd2",
        "0b320fc08888a87",
        "01d65a96222232d",
        "059683036777578",
        "00c30445fdddcd3",
        "1fbcaee4a888a87",
        "1dfb7f3ff2223fd",
        "151b99547777518",
        "135c0c0d5dddf52",
        "0d11aa2c4888b17",
        "0df07bb7e2221fd",
        "18bd511df7777d8",
        "10e9c44c1dddf82",
        "1b196ee24888827",
        "1871fbb3222207d",
        "1b1a111d37777d8",
        "14c9357f9dddf82",
        "1c8d3cf30888827",
        "11f4a9a2622207c",
        "1497703fc7777d8",
        "0641c4408dddf83",
        "16b26eea1888827",
        "1ed4f3fb422207d",
        "151d9599f7777d8",
        "03c5c0cc9dddf82",
        "101be2a20888827",
        "14f47bb3622207d",
        "1f1c511df7777d8",
        "0058444fddddff2",
        "00186ee44888917",
        "1fc87bbd622235d",
        "105111147777518",
        "1741d757dddddf2",
        "174d8fcf0888b74",
        "1750da9962221df",
        "105ac3000777488",
        "1fd5c4467ddde21",
    ]
}
