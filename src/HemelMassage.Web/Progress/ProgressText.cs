using System.Globalization;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Progress;

/// <summary>How the progress pages write dates and scores.</summary>
public static class ProgressText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTime utc) => ClinicTime.ToLocal(utc).ToString("d MMM yyyy", British);

    public static string Score(int? score) => score is int s ? s.ToString(British) : "none";
}
