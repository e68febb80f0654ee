using System.Reflection;
using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary>TinyTorch.Analysis is withheld whole but for what a notebook's setup cell runs: its module initializer and chart formatting.</summary>
[Collection(EditionsCollection.Name)]
public sealed class AnalysisTests(EditionsFixture editions)
{
    [Fact]
    public void Loading_the_assembly_and_registering_the_chart_formatters_work()
    {
        var formatting = editions.Edition.Type("TinyTorch.Analysis.Charts.ChartFormatting");

        Reflected.Static(formatting, "Register");

        Assert.Equal(true, formatting.GetProperty("IsRegistered")!.GetValue(null));
    }

    [Fact]
    public void Every_instrument_and_chart_constructor_and_static_method_throws()
    {
        var keptType = "TinyTorch.Analysis.Charts.ChartFormatting";
        var callable = editions.Edition.Analysis.GetExportedTypes()
            .Where(t => t.FullName != keptType && !t.IsInterface && !t.IsEnum && !t.IsGenericTypeDefinition && !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors().Where(_ => !t.IsAbstract).Cast<MethodBase>()
                .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition)))
            .Where(m => !Reflected.TakesSpans(m))
            .ToArray();

        Assert.Contains(callable, m => m.DeclaringType!.Namespace == "TinyTorch.Analysis.Instruments");
        Assert.Contains(callable, m => m.DeclaringType!.FullName == "TinyTorch.Analysis.Charts.ImageView");
        foreach (var method in callable)
        {
            var thrown = Withheld.Throws(() => Reflected.CallWithDefaults(method, null), Withheld.NameOf(method), exercise: null);
            Assert.EndsWith(" is withheld while notebooks are graded, so a solution cannot use it.", thrown.Message, StringComparison.Ordinal);
        }
    }
}
