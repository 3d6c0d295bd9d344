extension AnalysisScript {
  /// The script itself: R, kept readable for the statistician who opens it (a raw string, so
  /// that its backslashes are R's; the indentation before the closing delimiter is not part of it).
  static let text = #"""
    # analysis.R: the primary analysis of a ConnectAge export, written beside measures.csv by
    # `connectage export all`. Run it in the export folder, or give the folder:
    #
    #   Rscript analysis.R                 # in the export folder
    #   Rscript analysis.R path/to/export  # from elsewhere
    #
    # It reads measures.csv as exported and writes its tables into analysis/ beside it:
    # fixed_effects.csv, marginal_means.csv, contrasts.csv and variance_components.csv; and from
    # participation.csv, participation_model.csv (whether present participants answered).
    #
    # The models (docs/exports-and-statistics.md, "Primary analysis"):
    #   continuous measures (speech_duration_s, phonation_time_s, idea_density): a linear mixed model
    #     fitted by REML, tests with Satterthwaite degrees of freedom (lmerTest), as `connectage stats`;
    #   counts (words, memories_n): a Poisson mixed model (lme4::glmer) and a negative-binomial one
    #     (glmmTMB, nbinom2), with the same fixed and random effects; words with the time the
    #     participant had the floor as exposure, offset(log(recording_duration_s)).
    # Fixed effects: condition (delivered; image alone is the reference) + session_number, and,
    # when both populations are present, memory (without / with memory disorder) and its interaction
    # with condition. Random intercepts: participant, and group when there are at least three groups
    # (each participant in the group they attended most). Marginal means are at the mean session,
    # averaged over the two populations with equal weights (emmeans' definition), and also within each.
    # Sensitivity: every model again without the participants screened hyposmic or anosmic; and
    # every model again with random intercepts for the image (stimulus_id) and for the shared trial
    # (analysis "shared_trial"): a group's answers to one trial share its moment, image and scent,
    # and each other's answers, and the condition is given to the whole group at once, so answers
    # of one trial are not independent. When the shared trial's variance is above zero, the primary
    # model's intervals are too narrow and this analysis's are the ones to read. And every model
    # again by the condition planned rather than delivered (analysis "intention_to_treat").
    # Word-based measures (words, idea_density) leave out answers whose transcript is an unreviewed
    # speech-recognition draft (transcript_source "asr"), and memories_n those of them nobody coded
    # (memories_source "automatic": the pre-coding read the draft), as `connectage stats` does by
    # default.

    args <- commandArgs(trailingOnly = TRUE)
    use_emmeans <- !("--no-emmeans" %in% args)
    args <- setdiff(args, "--no-emmeans")
    folder <- if (length(args) >= 1) args[1] else "."
    out <- file.path(folder, "analysis")
    dir.create(out, showWarnings = FALSE)

    options(width = 160)
    suppressPackageStartupMessages({
      library(lme4)
      library(lmerTest)
    })
    has_glmmTMB <- requireNamespace("glmmTMB", quietly = TRUE)
    use_emmeans <- use_emmeans && requireNamespace("emmeans", quietly = TRUE)
    level <- 0.95

    # ---- The data, as exported ------------------------------------------------------------------
    measures <- read.csv(file.path(folder, "measures.csv"), na.strings = "", stringsAsFactors = FALSE,
                         colClasses = c(participant_code = "character", group_id = "character"))
    all_conditions <- c("image", "image_game", "image_scent", "image_game_scent")
    present <- intersect(all_conditions, c(measures$condition_delivered, measures$condition_planned))
    measures$group_id[is.na(measures$group_id)] <- ""
    measures$site_id[is.na(measures$site_id)] <- ""
    # Participants are nested in groups: each one belongs to the group they attended most (a make-up
    # session with another group does not move them); ties go to the first group in alphabetical order.
    home_group <- tapply(measures$group_id, measures$participant_code, function(groups) {
      counts <- table(groups)
      names(counts)[which.max(counts)]
    })
    data <- data.frame(
      participant = measures$participant_code,
      group = unname(home_group[measures$participant_code]),
      # A multi-centre trial's sites, in the order ConnectAge sorts them (bytes, not the locale).
      site = factor(measures$site_id, levels = sort(unique(measures$site_id), method = "radix")),
      session_number = measures$session_number,
      condition = factor(measures$condition_delivered, levels = present),
      planned = factor(measures$condition_planned, levels = present),
      # A participant the study does not know (blank memory_disorder) is "without", as `stats` has
      # it; NA would be a third population and drop the memory term from every model.
      memory = factor(ifelse(!is.na(measures$memory_disorder) & measures$memory_disorder == 1, "with", "without"),
                      levels = c("without", "with")),
      smell = measures$smell_screening,
      recording_duration_s = measures$recording_duration_s,
      draft = !is.na(measures$transcript_source) & measures$transcript_source == "asr",
      uncoded = !is.na(measures$memories_source) & measures$memories_source == "automatic",
      speech_duration_s = measures$speech_duration_s,
      phonation_time_s = measures$phonation_time_s,
      idea_density = measures$idea_density,
      words = measures$words,
      memories_n = measures$memories_n,
      stimulus = measures$stimulus_id,
      # The shared trial: the group's trial of a session (a participant's own when there is no group).
      occasion = paste(ifelse(measures$group_id != "", measures$group_id, measures$participant_code),
                       measures$session_number, measures$trial_number)
    )
    continuous <- c("speech_duration_s", "phonation_time_s", "idea_density")
    counts <- c("words", "memories_n")
    word_based <- c("words", "idea_density")

    # ---- The model --------------------------------------------------------------------------------
    both_populations <- function(d) length(unique(d$memory)) == 2
    several_sites <- function(d) length(unique(d$site)) >= 2
    # The site of a multi-centre trial is a fixed effect (the randomisation's stratification
    # factor), without an interaction with condition.
    fixed_part <- function(d) {
      paste(if (both_populations(d)) "condition * memory" else "condition", "+ session_number",
            if (several_sites(d)) "+ site" else "")
    }
    random_part <- function(d, shared_trial = FALSE) {
      paste(if (length(unique(d$group)) >= 3) "(1 | group) + (1 | participant)" else "(1 | participant)",
            if (shared_trial) "+ (1 | stimulus) + (1 | occasion)" else "")
    }

    fit_model <- function(d, measure, model, shared_trial) {
      rhs <- paste(fixed_part(d), "+", random_part(d, shared_trial))
      if (model == "lmer") {
        return(lmerTest::lmer(as.formula(paste(measure, "~", rhs)), data = d, REML = TRUE))
      }
      exposure <- if (measure == "words") " + offset(log(recording_duration_s))" else ""
      formula <- as.formula(paste(measure, "~", rhs, exposure))
      if (model == "glmer_poisson") {
        lme4::glmer(formula, data = d, family = poisson, control = lme4::glmerControl(optimizer = "bobyqa"))
      } else {
        glmmTMB::glmmTMB(formula, data = d, family = glmmTMB::nbinom2)
      }
    }

    coefficients_of <- function(fit) if (inherits(fit, "glmmTMB")) glmmTMB::fixef(fit)$cond else lme4::fixef(fit)
    covariance_of <- function(fit) if (inherits(fit, "glmmTMB")) as.matrix(vcov(fit)$cond) else as.matrix(vcov(fit))

    # One row per estimate: the estimate, its standard error, degrees of freedom (Inf for the
    # z tests of the count models), the test statistic, p and the confidence interval; for the count
    # models, exp() of the estimate and interval (rate ratios and rates).
    estimate_rows <- function(name, estimate, se, df, log_link) {
      statistic <- estimate / se
      p <- 2 * pt(-abs(statistic), df)
      half <- qt(1 - (1 - level) / 2, df) * se
      rows <- data.frame(term = name, estimate = estimate, std_error = se, df = df, statistic = statistic,
                         p = p, lower = estimate - half, upper = estimate + half)
      rows$ratio <- if (log_link) exp(rows$estimate) else NA
      rows$ratio_lower <- if (log_link) exp(rows$lower) else NA
      rows$ratio_upper <- if (log_link) exp(rows$upper) else NA
      rows
    }

    fixed_effects <- function(fit, log_link) {
      if (inherits(fit, "lmerModLmerTest")) {
        table <- coef(summary(fit))
        return(estimate_rows(rownames(table), table[, "Estimate"], table[, "Std. Error"], table[, "df"], FALSE))
      }
      beta <- coefficients_of(fit)
      estimate_rows(names(beta), unname(beta), sqrt(diag(covariance_of(fit))), Inf, log_link)
    }

    # The rows of the fixed-effect design at the mean session for each condition and population;
    # `weight` is the share of the "with memory disorder" population (0.5: averaged). Sites weigh
    # the same, as emmeans averages over a factor's levels.
    grid_matrix <- function(d, weight) {
      sites <- levels(d$site)
      at <- function(memory, site) {
        grid <- data.frame(condition = factor(levels(d$condition), levels = levels(d$condition)),
                           session_number = mean(d$session_number),
                           memory = factor(memory, levels = c("without", "with")),
                           site = factor(site, levels = sites))
        model.matrix(as.formula(paste("~", fixed_part(d))), grid)
      }
      matrix <- Reduce(`+`, lapply(sites, function(site) (1 - weight) * at("without", site) + weight * at("with", site))) /
        length(sites)
      rownames(matrix) <- levels(d$condition)
      matrix
    }

    # Linear combinations L·beta by hand: Satterthwaite t tests through lmerTest::contest for lmer,
    # Wald z tests for the count models.
    combinations <- function(fit, L, log_link, offset = 0) {
      if (inherits(fit, "lmerModLmerTest")) {
        table <- lmerTest::contest(fit, L, joint = FALSE, confint = TRUE, level = level)
        return(estimate_rows(rownames(L), table$Estimate, table[["Std. Error"]], table$df, FALSE))
      }
      beta <- coefficients_of(fit)
      V <- covariance_of(fit)
      estimate_rows(rownames(L), drop(L %*% beta) + offset, sqrt(diag(L %*% V %*% t(L))), Inf, log_link)
    }

    populations <- function(d) {
      if (both_populations(d)) list(all = 0.5, without_memory_disorder = 0, with_memory_disorder = 1) else list(all = 0)
    }

    # Marginal means and contrasts against image alone, by emmeans when it is installed, else by hand.
    means_and_contrasts <- function(fit, d, measure, log_link) {
      # Marginal means of words are per answer of the mean floor time (the offset at log of its mean,
      # as emmeans takes it); contrasts do not depend on it.
      offset <- if (measure == "words") log(mean(d$recording_duration_s)) else 0
      means <- list()
      contrasts <- list()
      for (population in names(populations(d))) {
        weight <- populations(d)[[population]]
        if (use_emmeans) {
          grid <- emmeans_grid(fit, d, population)
          m <- grid$means
          k <- grid$contrasts
        } else {
          L <- grid_matrix(d, weight)
          m <- combinations(fit, L, log_link, offset)
          D <- L[-1, , drop = FALSE] - matrix(L[1, ], nrow(L) - 1, ncol(L), byrow = TRUE)
          rownames(D) <- paste(rownames(L)[-1], "-", rownames(L)[1])
          k <- combinations(fit, D, log_link)
        }
        means[[population]] <- cbind(population = population, m)
        contrasts[[population]] <- cbind(population = population, kind = "effect", k)
      }
      if (both_populations(d)) {
        table <- fixed_effects(fit, log_link)
        interaction <- table[grepl(":memorywith$", table$term), ]
        interaction$term <- paste0("(", sub("^condition", "", sub(":memorywith$", "", interaction$term)),
                                   " - ", levels(d$condition)[1], ") with - without memory disorder")
        contrasts$interaction <- cbind(population = "", kind = "interaction", interaction)
      }
      list(means = do.call(rbind, means), contrasts = do.call(rbind, contrasts))
    }

    emmeans_grid <- function(fit, d, population) {
      by <- if (population == "all") NULL else "memory"
      spec <- if (is.null(by)) ~ condition else ~ condition | memory
      # Satterthwaite for the linear model, as lmerTest; z tests (df = Inf) for the count models.
      grid <- if (inherits(fit, "lmerModLmerTest")) {
        emmeans::emmeans(fit, spec, lmer.df = "satterthwaite")
      } else {
        emmeans::emmeans(fit, spec, df = Inf)
      }
      tidy <- function(summary, label_of) {
        summary <- as.data.frame(summary)
        if (!is.null(by)) {
          wanted <- if (population == "with_memory_disorder") "with" else "without"
          summary <- summary[summary$memory == wanted, ]
        }
        pick <- function(...) { for (name in c(...)) if (name %in% names(summary)) return(summary[[name]]); NA }
        estimate <- pick("emmean", "estimate")
        df <- pick("df")
        df[is.na(df)] <- Inf
        estimate_rows(as.character(label_of(summary)), estimate, pick("SE"), df, !inherits(fit, "lmerModLmerTest"))
      }
      means <- tidy(summary(grid, infer = TRUE), function(s) s$condition)
      contrast <- emmeans::contrast(grid, method = "trt.vs.ctrl", ref = 1, adjust = "none")
      contrasts <- tidy(summary(contrast, infer = TRUE), function(s) s$contrast)
      list(means = means, contrasts = contrasts)
    }

    variance_components <- function(fit) {
      if (inherits(fit, "glmmTMB")) {
        vc <- glmmTMB::VarCorr(fit)$cond
        return(data.frame(component = names(vc), variance = sapply(vc, function(v) v[1, 1])))
      }
      vc <- as.data.frame(lme4::VarCorr(fit))
      data.frame(component = vc$grp, variance = vc$vcov)
    }

    # ---- Every measure, model and analysis ------------------------------------------------------------
    tables <- list(fixed = list(), means = list(), contrasts = list(), variances = list())
    smell_impaired <- unique(data$participant[data$smell %in% c("hyposmic", "anosmic")])
    analyses <- list(all = function(d) d)
    if (length(smell_impaired) > 0) {
      analyses$without_smell_impaired <- function(d) d[!(d$participant %in% smell_impaired), ]
    }
    analyses$shared_trial <- function(d) d
    # Intention to treat: the condition planned, whether or not its scent was delivered (a scent the
    # diffuser refused, the safety limits skipped or nobody confirmed is not random).
    analyses$intention_to_treat <- function(d) {
      d$condition <- d$planned
      d
    }
    for (measure in c(continuous, counts)) {
      models <- if (measure %in% continuous) "lmer" else c("glmer_poisson", if (has_glmmTMB) "glmmtmb_nbinom2")
      for (analysis in names(analyses)) {
        d <- analyses[[analysis]](data)
        d <- d[!is.na(d[[measure]]) & !is.na(d$condition), ]
        if (measure %in% word_based) d <- d[!d$draft, ]
        if (measure == "memories_n") d <- d[!(d$draft & d$uncoded), ]
        if (measure == "words") d <- d[!is.na(d$recording_duration_s) & d$recording_duration_s > 0, ]
        d$condition <- droplevels(d$condition)
        d$site <- droplevels(d$site)
        if (nrow(d) == 0 || levels(d$condition)[1] != "image" || length(unique(d$participant)) < 2) {
          cat(sprintf("%s (%s): not enough data for the model\n", measure, analysis))
          next
        }
        for (model in models) {
          log_link <- model != "lmer"
          shared_trial <- analysis == "shared_trial"
          fit <- tryCatch(fit_model(d, measure, model, shared_trial), error = function(e) {
            cat(sprintf("%s (%s, %s): the model could not be fitted: %s\n", measure, analysis, model,
                        conditionMessage(e)))
            NULL
          })
          if (is.null(fit)) next
          label <- data.frame(measure = measure, analysis = analysis, model = model,
                              answers = nrow(d), participants = length(unique(d$participant)))
          fixed <- fixed_effects(fit, log_link)
          found <- means_and_contrasts(fit, d, measure, log_link)
          # Holm over the effects this fit reports (each condition against image alone, averaged
          # and in each population), as ConnectAge's own model adjusts them; not the interactions.
          effect <- found$contrasts$kind == "effect"
          found$contrasts$p_holm <- NA_real_
          found$contrasts$p_holm[effect] <- p.adjust(found$contrasts$p[effect], method = "holm")
          tables$fixed[[length(tables$fixed) + 1]] <- cbind(label, fixed)
          tables$means[[length(tables$means) + 1]] <- cbind(label, found$means)
          tables$contrasts[[length(tables$contrasts) + 1]] <- cbind(label, found$contrasts)
          tables$variances[[length(tables$variances) + 1]] <- cbind(label, variance_components(fit))
          cat(sprintf("\n== %s, %s, %s: %s + %s (%d answers, %d participants)\n", measure, model, analysis,
                      fixed_part(d), random_part(d, shared_trial), nrow(d), length(unique(d$participant))))
          shown <- found$contrasts[, c("population", "term", "estimate", "lower", "upper", "df", "p", "p_holm")]
          shown$population[shown$population == ""] <- "interaction"
          print(shown, digits = 3, row.names = FALSE)
        }
      }
    }

    write_table <- function(rows, name) {
      if (length(rows) == 0) return(invisible())
      write.csv(do.call(rbind, rows), file.path(out, name), row.names = FALSE)
    }
    write_table(tables$fixed, "fixed_effects.csv")
    write_table(tables$means, "marginal_means.csv")
    write_table(tables$contrasts, "contrasts.csv")
    write_table(tables$variances, "variance_components.csv")

    # ---- Participation: whether present participants answered -----------------------------------
    # participation.csv has a row per participant present x trial presented, answered 1 or 0. A mixed
    # logistic model of answering: condition (delivered) + session_number, a random intercept per
    # participant; rows of trials never asked (asked 0) and of participants who left early are left
    # out, as `connectage stats` leaves them out of its Friedman test. ratio is the odds ratio.
    participation_file <- file.path(folder, "participation.csv")
    if (file.exists(participation_file)) {
      answered <- read.csv(participation_file, na.strings = "", stringsAsFactors = FALSE,
                           colClasses = c(participant_code = "character", group_id = "character"))
      answered <- answered[answered$asked == 1 & answered$attendance_status == "present", ]
      answered$condition <- factor(answered$condition_delivered,
                                   levels = intersect(all_conditions, answered$condition_delivered))
      answered$participant <- factor(answered$participant_code)
      if (nrow(answered) == 0 || nlevels(answered$condition) < 2 || levels(answered$condition)[1] != "image" ||
          length(unique(answered$participant)) < 2) {
        cat("answered: not enough data for the model\n")
      } else {
        fit <- tryCatch(
          lme4::glmer(answered ~ condition + session_number + (1 | participant), data = answered, family = binomial,
                      control = lme4::glmerControl(optimizer = "bobyqa")),
          error = function(e) {
            cat(sprintf("answered: the model could not be fitted: %s\n", conditionMessage(e)))
            NULL
          })
        if (!is.null(fit)) {
          rows <- cbind(data.frame(measure = "answered", model = "glmer_binomial", trials = nrow(answered),
                                   participants = length(unique(answered$participant))),
                        fixed_effects(fit, TRUE))
          write.csv(rows, file.path(out, "participation_model.csv"), row.names = FALSE)
          cat(sprintf("\n== answered, glmer_binomial: condition + session_number + (1 | participant) (%d trials, %d participants)\n",
                      nrow(answered), length(unique(answered$participant))))
          print(rows[, c("term", "estimate", "ratio", "ratio_lower", "ratio_upper", "p")], digits = 3, row.names = FALSE)
        }
      }
    }

    cat(sprintf("\nTables written to %s (%s).\n", out,
                if (use_emmeans) "marginal means by emmeans" else "marginal means computed by hand"))
    """#
}
