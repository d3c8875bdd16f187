using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Tests.Oracle;

namespace VoxDose.Statistics.Tests.Cox;

/// <summary>The study's rule (univariate P &lt; 0.05 enters the multivariate model), and collinear covariates, against R.</summary>
[Collection(RCollection.Name)]
public sealed class StudyModelAgainstRTests(ROracle r)
{
    [Theory]
    [InlineData("study.veteran", "veteran", "efron", new[] { "trt", "karno", "age", "diagtime", "prior" }, true)]
    [InlineData("study.lung", "lung", "breslow", new[] { "age", "sex", "ph.ecog" }, false)]
    public void Univariate_p_below_005_enters_the_multivariate_model_as_in_R(string key, string tableName, string ties, string[] covariates,
        bool someLeftOut)
    {
        var table = r.Table(tableName);

        var result = StudyModel.Fit(table.Numbers("time"), table.Events("status"), covariates,
            covariates.Select(c => (IReadOnlyList<double>)table.Numbers(c)).ToArray(), ties == "breslow" ? CoxTies.Breslow : CoxTies.Efron);

        var pu = r.R(key + ".univariate.p");
        for (var k = 0; k < covariates.Length; k++) Agree.P(pu[k], result.Univariate[k].Terms[0].P, $"{key} univariate p {covariates[k]}");
        var selectedByR = r.R(key + ".selected").Select(i => covariates[(int)i - 1]).ToArray();
        Assert.Equal(selectedByR, result.Selected);
        Assert.NotNull(result.Multivariate);
        Assert.Equal(someLeftOut, selectedByR.Length < covariates.Length);
        Agree.Close(r.R(key + ".coef"), result.Multivariate!.Terms.Select(t => t.Coef).ToArray(), key + " multivariate coef");
        Agree.Close(r.R(key + ".se"), result.Multivariate.Terms.Select(t => t.StdErr).ToArray(), key + " multivariate se");
    }

    [Fact]
    public void A_collinear_covariate_has_no_coefficient_where_R_gives_NA()
    {
        var table = r.Table("ties");
        var dose = table.Numbers("dose");
        var dose2 = dose.Select(d => 2 * d + 1).ToArray();

        var fit = CoxRegression.Fit(table.Numbers("time"), table.Events("status"), ["dose", "dose2", "age"],
            [dose, dose2, table.Numbers("age")]);

        var coef = r.R("collinear.ties.coef");
        Assert.True(double.IsNaN(coef[1]), "R should give NA for dose2");
        Assert.Equal(CoxTermStatus.Collinear, fit.Terms[1].Status);
        Assert.True(double.IsNaN(fit.Terms[1].Coef));
        Assert.Contains(fit.Warnings, w => w.Contains("'dose2'") && w.Contains("collinear"));
        Agree.Close(coef[0], fit.Terms[0].Coef, "dose coef");
        Agree.Close(coef[2], fit.Terms[2].Coef, "age coef");
        Assert.Equal(2, fit.Wald.DegreesOfFreedom);
    }
}
