using Course.Kernel.Language;
using Course.Notebooks.Execution;

namespace Course.Kernel.Tests.Language;

public sealed class CodeCompletionTests : IDisposable
{
    private readonly NotebookSession _session = new();

    [Fact]
    public void Static_members_of_a_type_complete_after_its_name()
    {
        CompletionResult result = Complete("Console.Wri");

        Assert.Equal(["Write", "WriteLine"], result.Matches.Select(m => m.Text));
        Assert.All(result.Matches, m => Assert.Equal("method", m.Kind));
        Assert.Equal(8, result.Start);
        Assert.Equal(11, result.End);
    }

    [Fact]
    public void Right_after_the_dot_every_member_is_offered()
    {
        CompletionResult result = Complete("Math.");

        Assert.Contains(result.Matches, m => m.Text == "Max");
        Assert.Contains(result.Matches, m => m.Text == "PI" && m.Kind == "constant");
        Assert.DoesNotContain(result.Matches, m => m.Text is "ToString" or "GetHashCode");
        Assert.Equal(5, result.Start);
    }

    [Fact]
    public async Task Instance_members_and_extension_methods_of_an_earlier_cells_variable_complete()
    {
        await _session.ExecuteAsync("var numbers = new List<int> { 1, 2, 3 };");

        CompletionResult members = Complete("numbers.Ad");
        CompletionResult linq = Complete("numbers.Whe");
        CompletionResult nothingStatic = Complete("numbers.");

        Assert.Equal(["Add", "AddRange"], members.Matches.Select(m => m.Text));
        Assert.Equal(["Where"], linq.Matches.Select(m => m.Text));
        Assert.DoesNotContain(nothingStatic.Matches, m => m.Text == "ReferenceEquals");
    }

    [Fact]
    public async Task Names_in_scope_include_earlier_variables_globals_types_and_keywords()
    {
        await _session.ExecuteAsync("var learningRate = 0.1;\nint Square(int x) => x * x;");

        Assert.Equal(["learningRate"], Complete("lea").Matches.Select(m => m.Text));
        Assert.Contains(Complete("Squ").Matches, m => m.Text == "Square" && m.Kind == "method");
        Assert.Contains(Complete("disp").Matches, m => m.Text == "display");
        Assert.Contains(Complete("Dict").Matches, m => m.Text == "Dictionary" && m.Kind == "class");
        Assert.Contains(Complete("fore").Matches, m => m.Text == "foreach" && m.Kind == "keyword");
    }

    [Fact]
    public void Namespaces_offer_their_types_and_namespaces()
    {
        CompletionResult result = Complete("System.Collections.Con");

        Assert.Equal(["Concurrent"], result.Matches.Select(m => m.Text));
        Assert.Equal("module", result.Matches.Single().Kind);
    }

    [Fact]
    public void The_cursor_may_be_in_the_middle_of_a_cell()
    {
        const string Code = "var s = \"abc\";\ns.ToUpp\nConsole.WriteLine(s);";

        CompletionResult result = Complete(Code, Code.IndexOf("ToUpp", StringComparison.Ordinal) + 5);

        Assert.Equal(["ToUpper", "ToUpperInvariant"], result.Matches.Select(m => m.Text));
    }

    [Fact]
    public void Nothing_is_offered_inside_strings_comments_or_numbers()
    {
        Assert.Empty(Complete("var s = \"Console.Wri").Matches);
        Assert.Empty(Complete("// Console.Wri").Matches);
        Assert.Empty(Complete("var x = 12").Matches);
    }

    public void Dispose() => _session.Dispose();

    private CompletionResult Complete(string code, int? position = null) =>
        CodeCompletion.Complete(_session.GetCompilation(code), position ?? code.Length);
}
