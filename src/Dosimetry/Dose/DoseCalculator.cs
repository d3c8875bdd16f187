using System.Globalization;
using VoxDose.Dosimetry.Convolution;
using VoxDose.Dosimetry.Diagnostics;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Dose;

/// <summary>
/// Absorbed dose from a Y-90 PET, from injection to infinity (microspheres do not wash out: physical decay only).
/// </summary>
/// <remarks>
/// Cumulated activity per voxel Ã [MBq s] = A0 [Bq/mL] x V [mL] x 1e-6 x T½ / ln 2, with A0 decay-corrected to
/// injection. VSV: D [Gy] = (Ã ⊛ S) [mGy] / 1000, S in mGy/(MBq s). LDM: D [Gy] = Ã [Bq s] x E [J] / m [kg],
/// m = ρ V, E = 0.9336 MeV (equivalent to A0 [GBq] x 49.76 / m [kg]; EANM quotes 49.67).
/// </remarks>
public static class DoseCalculator
{
    public static DoseMapResult Compute(PetSeries series, DoseOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid dose options: " + string.Join(" ", errors), nameof(options));

        var activityStage = StageProfile.Measure("activity");
        var atInjection = ActivityAtInjection.From(series);
        var concentration = atInjection.ConcentrationBqPerMl;
        var voxelMl = concentration.VoxelVolumeMl;
        var halfLifeS = atInjection.Y90.HalfLifeUsedS;
        var meanLifeS = halfLifeS / Math.Log(2.0);

        double totalBq = 0;
        foreach (var v in concentration.Voxels) totalBq += v;
        totalBq *= voxelMl;
        var foundMBq = totalBq * 1e-6;
        if (!(foundMBq > 0)) throw new DoseInputException("The PET holds no positive activity: nothing to compute a dose from.");

        var notes = new List<string>(series.LoadNotes);
        notes.AddRange(atInjection.Y90.Warnings);
        if (atInjection.Y90.HalfLifeOverride is { } overrideNote) notes.Add(overrideNote);
        notes.Add(atInjection.Decay.ReferenceRule);

        if (series.Header.RadionuclideTotalDoseBq is { } headerBq && headerBq > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Activity in the PET field of view at injection {foundMBq:0.0} MBq = {foundMBq / (headerBq * 1e-6):P1} of Radionuclide Total Dose (0018,1074) {headerBq * 1e-6:0.0} MBq"));
        var scaling = Scaling(options, foundMBq);
        var scale = scaling?.Factor ?? 1.0;

        // Cumulated activity per voxel, MBq s.
        var cumulatedFactor = voxelMl * 1e-6 * meanLifeS * scale;
        // In place: the activity at injection is this calculation's own copy, and is not needed afterwards.
        var cumulated = concentration;
        var cumulatedVoxels = cumulated.Voxels;
        for (var i = 0; i < cumulatedVoxels.Length; i++) cumulatedVoxels[i] = (float)(cumulatedVoxels[i] * cumulatedFactor);
        var totalCumulatedMBqS = foundMBq * meanLifeS * scale;
        activityStage.Dispose();

        Volume doseGy;
        string description;
        Vec3 calcSpacing;
        double modelledMeV;
        if (options.Method == DoseMethod.Ldm)
        {
            using (StageProfile.Measure("deposition")) doseGy = LocalDeposition(cumulated, options.DensityGPerCm3);
            description = string.Create(CultureInfo.InvariantCulture,
                $"Local deposition: D = Ã x {Y90Constants.MeanBetaEnergyMeV} MeV / (rho V), rho {options.DensityGPerCm3:0.###} g/cm3 ({Y90Constants.LdmConstantGyKgPerGBqFromEnergy:0.00} Gy kg/GBq)");
            calcSpacing = cumulated.SpacingMm;
            modelledMeV = Y90Constants.MeanBetaEnergyMeV;
        }
        else
        {
            var grid = cumulated;
            if (options.ResampleSpacingMm is { } r)
                using (StageProfile.Measure("resample")) grid = ActivityResampler.ResampleConserving(cumulated, new Vec3(r, r, r));
            VoxelSValueKernel kernel;
            using (StageProfile.Measure("kernel")) kernel = KernelCache.GetY90(grid.SpacingMm, options.DensityGPerCm3, options.RelativeElectronsPerGram);
            // S in mGy/(MBq s) x Ã in MBq s = mGy; / 1000 for Gy.
            Volume gridDose;
            using (StageProfile.Measure("convolution"))
                gridDose = grid.WithSameGeometry(FftConvolver.Convolve(grid.Voxels, grid.SizeX, grid.SizeY, grid.SizeZ, kernel, 1e-3, options.MaxDegreeOfParallelism));
            using (StageProfile.Measure("resample")) doseGy = options.ResampleSpacingMm is null ? gridDose : ActivityResampler.InterpolateTo(gridDose, cumulated);
            description = kernel.Description;
            if (options.ResampleSpacingMm is { } rs)
                description += string.Create(CultureInfo.InvariantCulture, $"; activity resampled to {rs:0.###} mm (conserving), dose interpolated back to the PET grid (trilinear)");
            calcSpacing = grid.SpacingMm;
            modelledMeV = kernel.ModelledEnergyPerDecayMeV;
        }

        // Energy balance, J: decays (MBq s x 1e6) x MeV x J/MeV; deposited = Σ D x ρ V.
        var decays = totalCumulatedMBqS * 1e6;
        double doseSum = 0;
        foreach (var d in doseGy.Voxels) doseSum += d;
        var voxelMassKg = voxelMl * options.DensityGPerCm3 / 1000.0;
        var energy = new EnergyBalance(
            EmittedJ: decays * Y90Constants.MeanBetaEnergyMeV * Y90Constants.JoulesPerMeV,
            ModelledJ: decays * modelledMeV * Y90Constants.JoulesPerMeV,
            DepositedInGridJ: doseSum * voxelMassKg);

        return new DoseMapResult
        {
            DoseGy = doseGy,
            Method = options.Method,
            KernelDescription = description,
            CalculationSpacingMm = calcSpacing,
            DensityGPerCm3 = options.DensityGPerCm3,
            TotalActivityAtInjectionMBq = foundMBq,
            TotalCumulatedActivityMBqS = totalCumulatedMBqS,
            ActivityScaling = scaling,
            Energy = energy,
            Y90 = atInjection.Y90,
            Decay = atInjection.Decay,
            MeanBetaEnergyMeV = Y90Constants.MeanBetaEnergyMeV,
            Options = options,
            Notes = notes,
        };
    }

    /// <summary>LDM: D [Gy] = Ã [MBq s] x 1e6 x E [MeV] x 1.602e-13 J/MeV / (ρ [g/mL] x V [mL] / 1000).</summary>
    public static Volume LocalDeposition(Volume cumulatedMBqS, double densityGPerCm3)
    {
        var massKg = cumulatedMBqS.VoxelVolumeMl * densityGPerCm3 / 1000.0;
        var gyPerMBqS = 1e6 * Y90Constants.MeanBetaEnergyMeV * Y90Constants.JoulesPerMeV / massKg;
        var dose = cumulatedMBqS.WithSameGeometry();
        for (var i = 0; i < dose.Count; i++) dose.Voxels[i] = (float)(cumulatedMBqS.Voxels[i] * gyPerMBqS);
        return dose;
    }

    private static ActivityScalingRecord? Scaling(DoseOptions options, double foundMBq)
    {
        if (options.AdministeredActivityMBq is not { } administered) return null;
        var residual = options.ResidualActivityMBq ?? 0;
        var lsf = options.LungShuntFraction ?? 0;
        var target = (administered - residual) * (1 - lsf);
        return new ActivityScalingRecord(foundMBq, administered, residual, lsf, target, target / foundMBq);
    }
}
