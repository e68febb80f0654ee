using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TinyTorch.Analysis.Charts;

/// <summary>Registers the chart formatters as soon as a notebook loads this assembly.</summary>
internal static class FormatterRegistration
{
    /// <summary>Whether the module initializer registered the formatters (tests check that no explicit call is needed).</summary>
    internal static bool RegisteredAtLoad { get; private set; }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Notebooks #r this library and expect charts to display with no set-up line, as Plotly.NET.Interactive's do.")]
    internal static void Initialize()
    {
        try
        {
            ChartFormatting.Register();
            RegisteredAtLoad = true;
        }
        catch (Exception)
        {
            // An exception escaping a module initializer would make every type of this assembly
            // unusable. A host whose formatter library differs from the one built against (a missing
            // method, a failing type initializer) must still be able to run the instruments: charts
            // then display through ToHtml(), and an explicit ChartFormatting.Register() call reports
            // the real problem.
        }
    }
}
