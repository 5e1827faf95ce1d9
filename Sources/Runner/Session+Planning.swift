import Expressions
import Foundation
import Gherkin
import Messages
import V8

/// Planning: which definitions match each step (matched once per text, in JavaScript), and each
/// test case's steps and hooks with their ids.
extension Session {
  /// A planned step: a hook or a pickle step with what matched it.
  struct PlannedStep {
    enum Kind {
      case hook(SupportLibrary.HookEntry)
      case step(PickleStep, [(SupportLibrary.StepDefinitionEntry, [Argument])])
    }
    let id: String
    let kind: Kind
  }

  struct Plan {
    let id: String
    let steps: [(message: TestStep, step: PlannedStep)]
  }

  /// Matches step texts not seen before against every definition, in one call into
  /// JavaScript (the definitions' regular expressions are JavaScript's); suites repeat step
  /// texts a lot (backgrounds, common steps), so matches are kept by text.
  ///
  /// Planning a whole
  /// suite calls this once with every text first.
  func match(_ texts: [String]) throws {
    if !matchersSet {
      let list: [JSValue] = library.steps.map {
        .object(JSObject([("source", .string($0.expression.regexSource)), ("flags", .string($0.expression.regexFlags))]))
      }
      do {
        _ = try realm.context.call(realm.function("setMatchers"), [.array(list)])
      } catch let error as JSError {
        // A definition whose regular expression JavaScript refuses: name it.
        let bad = library.steps.first { step in
          (try? realm.regexp.exec(step.expression.regexSource, flags: step.expression.regexFlags, in: "")) == nil
        }
        let at = bad?.message.sourceReference
        throw RunError(
          file: at?.uri, line: at?.location?.line,
          message: "step definition \(bad.map { "'\($0.message.pattern.source)'" } ?? ""): \(error.message)")
      }
      matchersSet = true
    }
    var seen = Set<String>()
    let unseen = texts.filter { matchCache[$0] == nil && seen.insert($0).inserted }
    if !unseen.isEmpty {
      let perText: [JSValue]
      do {
        guard case .array(let values) = try realm.context.call(realm.function("matchSteps"), [.array(unseen.map(JSValue.string))])
        else {
          throw RunError(message: "Caper's runtime returned no step matches")
        }
        perText = values
      } catch let error as JSError {
        throw RunError(message: "matching steps failed in JavaScript: \(error)")
      }
      for (text, found) in zip(unseen, perText) {
        var matches: [(SupportLibrary.StepDefinitionEntry, [Argument])] = []
        if case .array(let entries) = found {
          for entry in entries {
            guard let index = entry[0].numberValue.map(Int.init), case .array(let groups) = entry[1] else { continue }
            let match = RegexMatch(
              groups: groups.map { group in
                guard case .array(let parts) = group, let value = parts[0].stringValue, let start = parts[1].numberValue,
                  let end = parts[2].numberValue
                else { return nil }
                return RegexGroup(value: value, start: Int(start), end: Int(end))
              })
            let definition = library.steps[index]
            do {
              matches.append((definition, try definition.expression.arguments(from: match)))
            } catch {
              let at = definition.message.sourceReference
              throw RunError(
                file: at.uri, line: at.location?.line,
                message: "step definition '\(definition.message.pattern.source)' cannot take the arguments of '\(text)': \(error)"
              )
            }
          }
        }
        matchCache[text] = matches
      }
    }
  }

  func plan(_ pickle: Pickle) throws -> Plan {
    let tags = Set(pickle.tags.map(\.name))
    var steps: [(message: TestStep, step: PlannedStep)] = []
    steps.reserveCapacity(pickle.steps.count + 2)
    let caseId = run.ids.next()
    for hook in library.hooks(.beforeTestCase) where hook.tags.evaluate(tags) {
      let id = run.ids.next()
      steps.append((TestStep(hookId: hook.id, id: id), PlannedStep(id: id, kind: .hook(hook))))
    }
    // Planning a suite matched every text first; a pickle planned on its own matches here.
    if pickle.steps.contains(where: { matchCache[$0.text] == nil }) { try match(pickle.steps.map(\.text)) }
    for pickleStep in pickle.steps {
      let id = run.ids.next()
      let matches = matchCache[pickleStep.text] ?? []
      let message = TestStep(
        id: id, pickleStepId: pickleStep.id, stepDefinitionIds: matches.map(\.0.id),
        stepMatchArgumentsLists: matches.map { StepMatchArgumentsList(stepMatchArguments: $0.1.map(Self.matchArgument)) })
      steps.append((message, PlannedStep(id: id, kind: .step(pickleStep, matches))))
    }
    for hook in library.hooks(.afterTestCase).reversed() where hook.tags.evaluate(tags) {
      let id = run.ids.next()
      steps.append((TestStep(hookId: hook.id, id: id), PlannedStep(id: id, kind: .hook(hook))))
    }
    return Plan(id: caseId, steps: steps)
  }

  static func matchArgument(_ argument: Argument) -> StepMatchArgument {
    StepMatchArgument(group: group(argument.group), parameterTypeName: argument.parameterType.name)
  }

  static func group(_ group: Group) -> StepMatchArgument.Group {
    StepMatchArgument.Group(
      children: group.children.isEmpty ? nil : group.children.map(Self.group), start: group.start, value: group.value)
  }
}
