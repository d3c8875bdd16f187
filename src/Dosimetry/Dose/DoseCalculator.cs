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
/// m = ρ V, E = 0.9336 MeV (equivalent to A0 [GBq] x 49.76 / m [kg], <see cref="Y90Constants.LdmConstantGyKgPerGBq"/>).
/// </remarks>
public static class DoseCalculator
{
    /// <param name="density">Density per voxel on the PET grid (from the CT); null: <see cref="DoseOptions.DensityGPerCm3"/> everywhere.</param>
    public static DoseMapResult Compute(PetSeries series, DoseOptions options, DensityMap? density = null)
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
        if (density is not null)
        {
            if (!density.DensityGPerMl.HasSameGrid(cumulated)) throw new ArgumentException("The density map is not on the PET grid.", nameof(density));
            (doseGy, description, calcSpacing, modelledMeV) = options.Method == DoseMethod.Ldm
                ? (LocalDeposition(cumulated, density.DensityGPerMl), $"Local deposition with the voxel mass from the density map ({density.Source}): D = Ã x {Y90Constants.MeanBetaEnergyMeV.ToString(CultureInfo.InvariantCulture)} MeV / (rho_voxel V)", cumulated.SpacingMm, Y90Constants.MeanBetaEnergyMeV)
                : DensityCorrectedVsv(cumulated, density, options);
            notes.Add("Density from " + density.Source);
        }
        else if (options.Method == DoseMethod.Ldm)
        {
            using (StageProfile.Measure("deposition")) doseGy = LocalDeposition(cumulated, options.DensityGPerCm3);
            description = string.Create(CultureInfo.InvariantCulture,
                $"Local deposition: D = Ã x {Y90Constants.MeanBetaEnergyMeV} MeV / (rho V), rho {options.DensityGPerCm3:0.###} g/cm3 ({Y90Constants.LdmConstantGyKgPerGBq:0.00} Gy kg/GBq)");
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
        var deposited = doseSum * voxelMassKg;
        if (density is not null)
        {
            deposited = 0;
            for (var i = 0; i < doseGy.Count; i++) deposited += doseGy.Voxels[i] * (double)density.DensityGPerMl.Voxels[i] * voxelMl / 1000.0;
        }
        var energy = new EnergyBalance(
            EmittedJ: decays * Y90Constants.MeanBetaEnergyMeV * Y90Constants.JoulesPerMeV,
            ModelledJ: decays * modelledMeV * Y90Constants.JoulesPerMeV,
            DepositedInGridJ: deposited);

        return new DoseMapResult
        {
            DoseGy = doseGy,
            Method = options.Method,
            KernelDescription = description,
            CalculationSpacingMm = calcSpacing,
            DensityGPerCm3 = options.DensityGPerCm3,
            Density = density,
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

    /// <summary>LDM with a mass per voxel: D [Gy] = Ã [MBq s] x 1e6 x E [J] / (ρ_voxel [g/mL] x V [mL] / 1000).</summary>
    public static Volume LocalDeposition(Volume cumulatedMBqS, Volume densityGPerMl)
    {
        var dose = cumulatedMBqS.WithSameGeometry();
        var joulesPerMBqS = 1e6 * Y90Constants.MeanBetaEnergyMeV * Y90Constants.JoulesPerMeV;
        for (var i = 0; i < dose.Count; i++)
        {
            var massKg = cumulatedMBqS.VoxelVolumeMl * Math.Max(densityGPerMl.Voxels[i], DensityMap.FloorGPerMl) / 1000.0;
            dose.Voxels[i] = (float)(cumulatedMBqS.Voxels[i] * joulesPerMBqS / massKg);
        }
        return dose;
    }

    /// <summary>
    /// VSV with local density (kernel scaling by density after Mikell et al. 2015 and Dieudonné et al. 2013): the sources
    /// are split by density class (lung-like, soft tissue, bone-like, <see cref="DensityMap.ClassOf"/>); each class is
    /// convolved with the kernel built at the activity-weighted mean density of its sources (Graves point kernel scaled as ρ² D_water(ρ r)), turned
    /// into energy per voxel with that kernel's voxel mass, summed, and divided by each target voxel's own mass. A uniform
    /// medium gives exactly its own kernel; energy is conserved across interfaces. Limits: docs/dosimetry.md.
    /// </summary>
    private static (Volume Dose, string Description, Vec3 Spacing, double ModelledMeV) DensityCorrectedVsv(Volume cumulated, DensityMap density, DoseOptions options)
    {
        var grid = cumulated;
        var rho = density.DensityGPerMl;
        if (options.ResampleSpacingMm is { } r)
        {
            grid = ActivityResampler.ResampleConserving(cumulated, new Vec3(r, r, r));
            rho = ActivityResampler.InterpolateTo(density.DensityGPerMl, grid);
        }
        var voxelMl = grid.VoxelVolumeMl;
        var energyJ = new double[grid.Count];
        var parts = new List<string>();
        double modelledMeV = 0, totalCumulated = 0;
        for (var c = 0; c < 3; c++)
        {
            var source = new float[grid.Count];
            double rhoActivitySum = 0, activitySum = 0;
            for (var i = 0; i < grid.Count; i++)
            {
                var d = Math.Max(rho.Voxels[i], DensityMap.FloorGPerMl);
                if (DensityMap.ClassOf(d) != c) continue;
                source[i] = grid.Voxels[i];
                if (!(grid.Voxels[i] > 0)) continue;
                rhoActivitySum += d * grid.Voxels[i];
                activitySum += grid.Voxels[i];
            }
            if (!(activitySum > 0)) continue;
            // The density of the class's sources (activity-weighted), not of all its voxels: the air around the body is
            // "lung-like" too, and counting it gave lung sources a kernel of 0.02 g/mL (regression: phantom --ct).
            var classDensity = Math.Round(rhoActivitySum / activitySum, 3);
            var kernel = KernelCache.GetY90(grid.SpacingMm, classDensity, options.RelativeElectronsPerGram);
            var doseMGy = FftConvolver.Convolve(source, grid.SizeX, grid.SizeY, grid.SizeZ, kernel, 1.0, options.MaxDegreeOfParallelism);
            var kernelMassKg = kernel.VoxelMassKg;
            for (var i = 0; i < energyJ.Length; i++) energyJ[i] += doseMGy[i] * 1e-3 * kernelMassKg;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(c == 0 ? "lung-like" : c == 1 ? "soft tissue" : "bone-like")} sources: kernel at {classDensity:0.###} g/mL"));
            modelledMeV += kernel.ModelledEnergyPerDecayMeV * activitySum;
            totalCumulated += activitySum;
        }
        var gridDose = grid.WithSameGeometry();
        for (var i = 0; i < gridDose.Count; i++)
            gridDose.Voxels[i] = (float)(energyJ[i] / (voxelMl * Math.Max(rho.Voxels[i], DensityMap.FloorGPerMl) / 1000.0));
        var dose = options.ResampleSpacingMm is null ? gridDose : ActivityResampler.InterpolateTo(gridDose, cumulated);
        var description = $"Y-90 VSV from the Graves 2019 point kernel with local density ({density.Source}): " + string.Join("; ", parts)
            + "; energy per voxel divided by each voxel's own mass";
        return (dose, description, grid.SpacingMm, totalCumulated > 0 ? modelledMeV / totalCumulated : Y90Constants.MeanBetaEnergyMeV);
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
