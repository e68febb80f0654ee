using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>
/// nbgrader's cell checksum, computed exactly as nbgrader's <c>compute_checksum</c> does so that either tool
/// can check the other's notebooks: the lower-case hex MD5 of the UTF-8 bytes of, concatenated with no
/// separator,
/// <list type="number">
/// <item>the cell's source (the lines joined, as nbformat reads them),</item>
/// <item>the cell type (<c>code</c>, <c>markdown</c> or <c>raw</c>),</item>
/// <item>Python's <c>str</c> of three booleans (<c>True</c>/<c>False</c>): grade, solution, and locked by
/// nbgrader's rule (<see cref="NbgraderMetadata.IsLocked"/>),</item>
/// <item>the grade_id (the kit falls back to the cell id, then to nothing, where nbgrader would fail),</item>
/// <item>for grade cells only, Python's <c>str(float(points))</c>: <c>15.0</c>, <c>2.5</c>.</item>
/// </list>
/// </summary>
/// <remarks>MD5 is nbgrader's choice and is kept for compatibility: the checksum detects accidental or casual
/// edits; it is not a signature (a student could recompute it), which is why grading restores locked cells
/// from the instructor's source rather than trusting them (see <see cref="LockedCells"/>).</remarks>
public static class CellChecksum
{
    /// <summary>Computes a cell's checksum.</summary>
    /// <param name="cell">A cell with nbgrader metadata.</param>
    /// <returns>32 lower-case hex digits.</returns>
    /// <exception cref="ArgumentException">The cell has no <c>metadata.nbgrader</c>.</exception>
    public static string Compute(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        NbgraderMetadata nbgrader = NbgraderMetadata.Read(cell)
            ?? throw new ArgumentException("Only cells with metadata.nbgrader have a checksum.", nameof(cell));
        var text = new StringBuilder(cell.Source)
            .Append(TypeName(cell.Kind))
            .Append(PythonBool(nbgrader.Grade))
            .Append(PythonBool(nbgrader.Solution))
            .Append(PythonBool(nbgrader.IsLocked))
            .Append(nbgrader.GradeId ?? cell.Id ?? string.Empty);
        if (nbgrader.Grade)
        {
            text.Append(PythonFloat(nbgrader.Points ?? 0));
        }

#pragma warning disable CA5351 // MD5 is the checksum nbgrader defines; it is compared, never trusted as a signature.
        byte[] hash = MD5.HashData(Encoding.UTF8.GetBytes(text.ToString()));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether a cell's stored checksum matches its content.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>True or false; null when the cell has no nbgrader metadata or no stored checksum.</returns>
    public static bool? Matches(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? stored = NbgraderMetadata.Read(cell)?.Checksum;
        return stored is null ? null : string.Equals(stored, Compute(cell), StringComparison.Ordinal);
    }

    /// <summary>nbformat's name of a cell type.</summary>
    internal static string TypeName(CellKind kind) => kind switch
    {
        CellKind.Code => "code",
        CellKind.Markdown => "markdown",
        _ => "raw",
    };

    /// <summary>The significant digits of a non-negative finite double's shortest round-trip text, and the power of ten of the first.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double magnitude)
    {
        if (magnitude == 0)
        {
            return ("0", 0);
        }

        string text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        int power = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? text : text[..e];
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string integer = point < 0 ? mantissa : mantissa[..point];
        string all = point < 0 ? mantissa : integer + mantissa[(point + 1)..];
        int firstNonZero = all.TakeWhile(c => c == '0').Count();
        return (all.Trim('0'), power + integer.Length - 1 - firstNonZero);
    }

    private static string PythonBool(bool value) => value ? "True" : "False";

    /// <summary>
    /// Python's <c>str(float(x))</c>: the shortest text that reads back as the same double, always with a decimal
    /// point (<c>15.0</c>), and in exponent form (<c>1e+16</c>, <c>1e-05</c>) outside [1e-4, 1e16).
    /// </summary>
    internal static string PythonFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        // The shortest digits that read back as the same double are what Python's repr uses too; only the
        // layout differs (.NET and Python switch to exponent form at different magnitudes), so lay them out here.
        (string digits, int exponent) = ShortestDigits(Math.Abs(value));
        string sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : string.Empty;
        if (value != 0 && (exponent < -4 || exponent >= 16))
        {
            string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        string whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
        string fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
        return sign + whole + "." + fraction;
    }
}
