using QRCoder;

namespace HemelMassage.Web.Staff;

/// <summary>
/// The authenticator set-up address as a QR code, drawn here (QRCoder) and sent as a PNG data URI, which the site's
/// Content-Security-Policy allows (<c>img-src 'self' data:</c>): the secret key never goes to another service.
/// </summary>
public static class AuthenticatorQrCode
{
    // Four pixels a module and the standard four-module quiet zone: about 200 px for a key of this length, enough for any phone camera.
    private const int PixelsPerModule = 4;

    public static string PngDataUri(string otpauthUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule, drawQuietZones: true);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
