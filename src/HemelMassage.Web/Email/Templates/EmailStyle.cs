namespace HemelMassage.Web.Email.Templates;

/// <summary>
/// The site's colours and font as inline styles: mail apps drop stylesheets, so every element carries its own.
/// </summary>
public static class EmailStyle
{
    public const string Green = "#1d4a45";
    public const string Paper = "#fbf8f3";
    public const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
}
