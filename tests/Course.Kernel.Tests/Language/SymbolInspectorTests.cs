using Course.Kernel.Language;
using Course.Notebooks.Execution;

namespace Course.Kernel.Tests.Language;

public sealed class SymbolInspectorTests : IDisposable
{
    private readonly NotebookSession _session = new();

    [Fact]
    public void A_method_shows_its_signature_and_how_many_overloads_it_has()
    {
        string? text = SymbolInspector.Describe(_session.GetCompilation("Console.WriteLine(\"x\")"), "Console.Write".Length);

        Assert.NotNull(text);
        Assert.Contains("Console.WriteLine(string? value)", text, StringComparison.Ordinal);
        Assert.Matches(@"\(\+ \d+ overloads\)$", text);
    }

    [Fact]
    public async Task An_earlier_cells_variable_and_a_type_are_described()
    {
        await _session.ExecuteAsync("var rate = 0.5;");

        Assert.Equal("(variable) double rate", SymbolInspector.Describe(_session.GetCompilation("rate * 2"), 2));
        Assert.Equal("class StringBuilder", SymbolInspector.Describe(_session.GetCompilation("new StringBuilder()"), 6));
    }

    [Fact]
    public void Nothing_is_found_in_whitespace_or_literals()
    {
        Assert.Null(SymbolInspector.Describe(_session.GetCompilation("   "), 1));
        Assert.Null(SymbolInspector.Describe(_session.GetCompilation("42"), 1));
        Assert.Null(SymbolInspector.Describe(_session.GetCompilation(string.Empty), 0));
    }

    public void Dispose() => _session.Dispose();
}
