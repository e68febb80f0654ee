using Course.Specs;
using Course.Specs.Core;

namespace Course.Autograder.Tests;

/// <summary>What a notebook check cell does with <see cref="ModuleSpecs.Check"/>.</summary>
public sealed class CheckCellTests
{
    [Fact]
    public void A_check_cell_bound_to_the_reference_library_fails_every_check_and_says_why()
    {
        var report = ModuleSpecs.Check("tensordataset", Implementation.Reference);

        Assert.NotEmpty(report.Results);
        Assert.All(report.Results, r =>
        {
            Assert.Equal(CheckStatus.Failed, r.Status);
            Assert.Contains("reference library's TensorDataset", r.Message);
        });
    }

    [Fact]
    public void A_stub_that_is_not_implemented_reports_not_implemented_with_its_message()
    {
        var stub = new Implementation { Collate = _ => throw new NotImplementedException("Exercise 'collate' is not implemented yet") };

        var report = ModuleSpecs.Check("collate", stub);

        Assert.All(report.Results, r =>
        {
            Assert.Equal(CheckStatus.NotImplemented, r.Status);
            Assert.Contains("Exercise 'collate'", r.Message);
        });
        Assert.Equal(0, report.Score);
        Assert.Contains("✗", report.ToString());
        Assert.Contains("Hint:", report.ToHtml());
    }

    [Fact]
    public void The_report_text_is_what_course_validate_reads_in_either_kernel()
    {
        var passing = ModuleSpecs.Check("collate", Implementation.Reference);
        var stub = ModuleSpecs.Check("collate", new Implementation { Collate = _ => throw new NotImplementedException("Exercise 'collate' is not implemented yet") });
        var wrong = ModuleSpecs.Check("collate", new Implementation { Collate = samples => [TinyTorch.Tensor.Zeros(1)] });

        var read = Course.Notebooks.Validation.CheckReportText.Parse(passing.ToString())!;
        Assert.Equal(passing.Results.Select(r => r.Spec.Id), read.Select(c => c.Id));
        Assert.All(read, c => Assert.True(c.Passed));
        Assert.All(Course.Notebooks.Validation.CheckReportText.Parse(stub.ToString())!, c => Assert.True(c.NotImplemented, c.Message));
        var failed = Course.Notebooks.Validation.CheckReportText.Parse(wrong.ToString())!;
        Assert.Contains(failed, c => !c.Passed && !c.NotImplemented && c.Message.Length > 0);
        Assert.Null(Course.Notebooks.Validation.CheckReportText.Parse("42"));
        Assert.Empty(Course.Notebooks.Validation.CheckReportText.Parse(new CheckReport([]).ToString())!);
    }

    [Fact]
    public void Hidden_checks_run_only_when_asked()
    {
        var visible = ModuleSpecs.Check("integration", Implementation.Reference with { TensorDataset = null });
        Assert.Equal(ModuleSpecs.ForGrade("integration").Where(s => !s.Hidden).Select(s => s.Id), visible.Results.Select(r => r.Spec.Id));
        Assert.NotEmpty(visible.Results);
        Assert.True(ModuleSpecs.ForGrade("integration").Count > visible.Results.Count);

        var hidden = ModuleSpecs.Check("integration", Implementation.Reference, includeHidden: true);
        Assert.Equal(ModuleSpecs.ForGrade("integration").Count, hidden.Results.Count);
        Assert.True(hidden.AllPassed, hidden.ToString());
    }

    [Fact]
    public void Only_runs_one_check_of_the_cell_for_a_student_working_on_one_failure()
    {
        var report = ModuleSpecs.Check("collate", Implementation.Reference, only: "collate-values");

        Assert.Equal(["collate-values"], report.Results.Select(r => r.Spec.Id));
        Assert.True(report.AllPassed, report.ToString());
        // The id only: takes is in both views of the report, the text and the table Jupyter shows.
        Assert.Contains("[collate-values]", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("<code style=\"color:#57606a\">collate-values</code>", report.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_naming_no_check_of_the_cell_lists_its_checks_and_where_that_one_is()
    {
        var e = Assert.Throws<ArgumentException>(() => ModuleSpecs.Check("collate", Implementation.Reference, only: "dataloader-count"));

        Assert.Equal("only", e.ParamName);
        Assert.StartsWith($"The check cell \"collate\" has no check \"dataloader-count\"; its checks are {string.Join(", ", ModuleSpecs.ForGrade("collate").Select(s => s.Id))}. "
            + "\"dataloader-count\" is a check of the cell \"dataloader\".", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_keeps_only_the_exercise_of_the_check_cell()
    {
        SubmissionRecorder.Start();
        try
        {
            ModuleSpecs.Check("integration", Implementation.Reference, includeHidden: true);
            var report = ModuleSpecs.Check("collate", Implementation.Reference);

            Assert.Empty(report.Results);
            Assert.NotNull(SubmissionRecorder.Recorded.Collate);
            Assert.Null(SubmissionRecorder.Recorded.TensorDataset);
            Assert.Null(SubmissionRecorder.Recorded.DataLoader);
        }
        finally
        {
            SubmissionRecorder.Stop();
        }
    }

    [Fact]
    public void An_unknown_grade_id_is_rejected_naming_it_and_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ModuleSpecs.Check("tensor-datset", Implementation.Reference));
        Assert.Equal("gradeId", e.ParamName);
        Assert.Contains("tensor-datset", e.Message);
        Assert.Contains("tensordataset", e.Message);
    }
}
