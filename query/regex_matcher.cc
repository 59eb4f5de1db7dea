#include "query/regex_matcher.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "schema/str_cat.h"
#include "schema/utf8_code_points.h"

namespace alliance::query {

// ------------------------------------------------------------- =~ patterns
//
// `=~` runs on a small Thompson-NFA matcher instead of std::regex, whose
// libstdc++ matcher recurses once per input character (about 30 KB of text
// overflows an 8 MB stack and kills the process) and backtracks exponentially
// on patterns such as (a*)*b, which no query timeout could interrupt. Here the
// pattern compiles to a program whose threads run in lockstep over the text:
// O(pattern x text) time, no recursion while matching, and pattern nesting
// capped while compiling.
//
// Syntax: the part of Java's (and ECMAScript's) regex language Cypher users
// write: literals, `.`, classes `[a-z]` `[^...]`, \d \w \s \D \W \S, \b \B,
// ^ $ \A \z, groups ( ) (?: ) (?<name> ), `|`, greedy and lazy * + ? {n}
// {n,} {n,m}, \Q...\E quoting, escapes \t \n \r \f \e \a \0oo \xhh \x{h..}
// \uhhhh, and inline flags at the start: (?i) case-insensitive, (?s) `.`
// matches line breaks, (?m) and (?u) accepted. Back-references, look-around,
// possessive quantifiers and \p{..} properties are refused with an error.
// `=~` matches the whole string, like Java's String.matches.
namespace {

// Bytes that are not UTF-8 become code points above Unicode: only `.` and
// negated classes match them.
constexpr int32_t kRawByteBase = 0x110000;
constexpr int32_t kMaxChar = kRawByteBase + 0xFF;
constexpr int kMaxRegexDepth = 200;
constexpr int kMaxRepeat = 1000;
constexpr size_t kMaxRegexInstructions = 100'000;

std::vector<int32_t> DecodeCodePoints(std::string_view s) {
  std::vector<int32_t> out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](int32_t cp, size_t offset, size_t) {
    out.push_back(cp == kInvalidCodePoint ? kRawByteBase + static_cast<unsigned char>(s[offset])
                                          : cp);
    return true;
  });
  return out;
}

int32_t FoldCase(int32_t c) { return c < kRawByteBase ? utf8proc_tolower(c) : c; }

bool IsWordChar(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct CharRange {
  int32_t lo;
  int32_t hi;
};

// Sorted, merged ranges; a class matches a character in (or, negated, not in) them.
struct CharClass {
  std::vector<CharRange> ranges;
  bool negated = false;

  bool Contains(int32_t c) const {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                               [](int32_t x, const CharRange& r) { return x < r.lo; });
    return it != ranges.begin() && c <= std::prev(it)->hi;
  }
};

void Normalize(std::vector<CharRange>& ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const CharRange& a, const CharRange& b) { return a.lo < b.lo; });
  std::vector<CharRange> merged;
  for (const CharRange& r : ranges) {
    if (!merged.empty() && r.lo <= merged.back().hi + 1) {
      merged.back().hi = std::max(merged.back().hi, r.hi);
    } else {
      merged.push_back(r);
    }
  }
  ranges = std::move(merged);
}

std::vector<CharRange> Complement(std::vector<CharRange> ranges) {
  Normalize(ranges);
  std::vector<CharRange> out;
  int32_t next = 0;
  for (const CharRange& r : ranges) {
    if (r.lo > next) out.push_back({next, r.lo - 1});
    next = r.hi + 1;
  }
  if (next <= kMaxChar) out.push_back({next, kMaxChar});
  return out;
}

// The classes behind \d, \w and \s (Java's ASCII definitions).
std::vector<CharRange> PredefinedClass(int32_t letter) {
  std::vector<CharRange> r;
  switch (letter | 0x20) {  // lower case
    case 'd': r = {{'0', '9'}}; break;
    case 'w': r = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}; break;
    default: r = {{'\t', '\r'}, {' ', ' '}}; break;  // 's': \t \n \v \f \r and space
  }
  return letter >= 'A' && letter <= 'Z' ? Complement(r) : r;
}

struct RegexNode {
  enum class Kind {
    kEmpty,
    kChar,
    kAny,
    kClass,
    kConcat,
    kAlt,
    kRepeat,
    kBegin,
    kEnd,
    kWordBoundary,
    kNotWordBoundary
  };
  Kind kind = Kind::kEmpty;
  int32_t value = 0;  // kChar: the code point; kClass: the class index
  int min = 0;        // kRepeat
  int max = 0;        // kRepeat; -1 for no bound
  std::vector<std::unique_ptr<RegexNode>> kids;
};

using RegexNodePtr = std::unique_ptr<RegexNode>;

RegexNodePtr MakeRegexNode(RegexNode::Kind kind, int32_t value = 0) {
  auto n = std::make_unique<RegexNode>();
  n->kind = kind;
  n->value = value;
  return n;
}

// A compiled pattern: a program for the lockstep (Pike) machine.
class RegexProgram {
 public:
  // nullptr with `error` set when the pattern is malformed or unsupported.
  static std::unique_ptr<RegexProgram> Compile(std::string_view pattern, std::string* error);

  // Whether the whole of `text` matches.
  bool FullMatch(std::string_view text) const;

 private:
  friend class RegexCompiler;
  enum class Op : uint8_t {
    kChar,         // a: code point (case-folded under (?i))
    kAny,          // any character
    kAnyButBreak,  // any but a line break
    kClass,        // a: class index
    kSplit,        // continue at a and at b
    kJmp,          // continue at a
    kBegin,
    kEnd,
    kWordBoundary,
    kNotWordBoundary,
    kMatch,
  };
  struct Inst {
    Op op;
    int32_t a = 0;
    int32_t b = 0;
  };

  bool ClassMatches(const CharClass& c, int32_t ch) const {
    bool in = c.Contains(ch);
    if (!in && icase_ && ch < kRawByteBase) {
      in = c.Contains(utf8proc_tolower(ch)) || c.Contains(utf8proc_toupper(ch));
    }
    return in != c.negated;
  }

  std::vector<Inst> prog_;
  std::vector<CharClass> classes_;
  bool icase_ = false;
  bool dotall_ = false;
};

// Parses a pattern into a tree, then emits the program.
class RegexCompiler {
 public:
  RegexCompiler(std::string_view pattern, RegexProgram& out)
      : p_(DecodeCodePoints(pattern)), out_(out) {}

  bool Run(std::string* error) {
    ParseLeadingFlags();
    RegexNodePtr root = error_.empty() ? ParseAlternation(0) : nullptr;
    if (error_.empty() && pos_ < p_.size()) Fail("unmatched ')'");
    if (error_.empty()) {
      Emit(*root);
      Add(RegexProgram::Op::kMatch);
      if (out_.prog_.size() > kMaxRegexInstructions) Fail("the pattern is too large");
    }
    if (!error_.empty()) {
      *error = error_;
      return false;
    }
    return true;
  }

 private:
  using Kind = RegexNode::Kind;
  using Op = RegexProgram::Op;

  bool AtEnd() const { return pos_ >= p_.size(); }
  int32_t Peek(size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : -1; }
  bool Accept(int32_t c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  std::nullptr_t Fail(std::string message) {
    if (error_.empty()) error_ = StrCat(message, " at position ", pos_);
    return nullptr;
  }

  // (?i), (?s), (?is), ... before anything else.
  void ParseLeadingFlags() {
    while (Peek() == '(' && Peek(1) == '?') {
      size_t k = pos_ + 2;
      bool icase = false, dotall = false;
      while (k < p_.size() && p_[k] < 128 &&
             std::string_view("imsu").find(static_cast<char>(p_[k])) != std::string_view::npos) {
        icase |= p_[k] == 'i';
        dotall |= p_[k] == 's';
        ++k;
      }
      if (k == pos_ + 2 || k >= p_.size() || p_[k] != ')') return;
      out_.icase_ |= icase;
      out_.dotall_ |= dotall;
      pos_ = k + 1;
    }
  }

  RegexNodePtr ParseAlternation(int depth) {
    if (depth > kMaxRegexDepth) return Fail("the pattern nests too deeply");
    RegexNodePtr first = ParseConcatenation(depth);
    if (!first || Peek() != '|') return first;
    auto alt = MakeRegexNode(Kind::kAlt);
    alt->kids.push_back(std::move(first));
    while (Accept('|')) {
      RegexNodePtr next = ParseConcatenation(depth);
      if (!next) return nullptr;
      alt->kids.push_back(std::move(next));
    }
    return alt;
  }

  RegexNodePtr ParseConcatenation(int depth) {
    auto concat = MakeRegexNode(Kind::kConcat);
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      RegexNodePtr item = ParseRepetition(depth);
      if (!item) return nullptr;
      concat->kids.push_back(std::move(item));
    }
    return concat;
  }

  // {n}, {n,} or {n,m} at pos_; false (nothing consumed) when the brace does
  // not start a quantifier, which makes it a literal.
  bool ParseBraces(int* min, int* max) {
    size_t k = pos_ + 1;
    auto number = [&](int* out) {
      size_t start = k;
      int64_t v = 0;
      while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') {
        v = std::min<int64_t>(v * 10 + (p_[k] - '0'), 1'000'000);
        ++k;
      }
      *out = static_cast<int>(v);
      return k > start;
    };
    if (!number(min)) return false;
    *max = *min;
    if (k < p_.size() && p_[k] == ',') {
      ++k;
      if (!number(max)) *max = -1;
    }
    if (k >= p_.size() || p_[k] != '}') return false;
    pos_ = k + 1;
    return true;
  }

  RegexNodePtr ParseRepetition(int depth) {
    RegexNodePtr atom = ParseAtom(depth);
    if (!atom) return nullptr;
    int min = 0, max = 0;
    if (Accept('*')) {
      max = -1;
    } else if (Accept('+')) {
      min = 1;
      max = -1;
    } else if (Accept('?')) {
      max = 1;
    } else if (Peek() != '{' || !ParseBraces(&min, &max)) {
      return atom;
    }
    if (min > kMaxRepeat || max > kMaxRepeat) return Fail("a repetition count above 1000");
    if (max >= 0 && max < min) return Fail("a repetition {n,m} with m < n");
    Accept('?');  // lazy: the same language, and =~ only asks whether it matches
    if (Peek() == '+') return Fail("possessive quantifiers are not supported");
    if (Peek() == '*' || Peek() == '+' || Peek() == '?') return Fail("nothing to repeat");
    auto rep = MakeRegexNode(Kind::kRepeat);
    rep->min = min;
    rep->max = max;
    rep->kids.push_back(std::move(atom));
    return rep;
  }

  RegexNodePtr ParseAtom(int depth) {
    int32_t c = Peek();
    ++pos_;
    switch (c) {
      case '(': {
        if (Accept('?')) {
          if (Accept(':')) {
            // non-capturing group
          } else if (Peek() == '<' && Peek(1) != '=' && Peek(1) != '!') {
            ++pos_;
            while (!AtEnd() && Peek() != '>') ++pos_;  // (?<name>...): the name is not needed
            if (!Accept('>')) return Fail("unterminated group name");
          } else if (Peek() == '=' || Peek() == '!' || Peek() == '<') {
            return Fail("look-around assertions are not supported");
          } else {
            return Fail("inline flags are supported only at the start of the pattern");
          }
        }
        RegexNodePtr inner = ParseAlternation(depth + 1);
        if (!inner) return nullptr;
        if (!Accept(')')) return Fail("missing ')'");
        return inner;
      }
      case '[': return ParseClass();
      case '.': return MakeRegexNode(Kind::kAny);
      case '^': return MakeRegexNode(Kind::kBegin);
      case '$': return MakeRegexNode(Kind::kEnd);
      case '*':
      case '+':
      case '?': --pos_; return Fail("nothing to repeat");
      case '\\': return ParseEscape();
      default: return MakeRegexNode(Kind::kChar, c);
    }
  }

  RegexNodePtr ClassNode(std::vector<CharRange> ranges, bool negated) {
    Normalize(ranges);
    out_.classes_.push_back(CharClass{std::move(ranges), negated});
    return MakeRegexNode(Kind::kClass, static_cast<int32_t>(out_.classes_.size() - 1));
  }

  // The character of a simple escape (\t, \x41, \u00e9, \., ...), or -1 with
  // error_ set. `letter` has been consumed.
  int32_t EscapedChar(int32_t letter) {
    auto hex = [&](size_t digits) -> int32_t {
      int32_t v = 0;
      for (size_t k = 0; k < digits; ++k) {
        int32_t d = Peek();
        int h = d >= '0' && d <= '9'                     ? d - '0'
                : (d | 0x20) >= 'a' && (d | 0x20) <= 'f' ? (d | 0x20) - 'a' + 10
                                                         : -1;
        if (h < 0) {
          Fail("a malformed hexadecimal escape");
          return -1;
        }
        v = v * 16 + h;
        ++pos_;
      }
      return v;
    };
    switch (letter) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'a': return 0x07;
      case 'e': return 0x1B;
      case '0': {
        int32_t v = 0;
        for (int k = 0; k < 3 && Peek() >= '0' && Peek() <= '7'; ++k)
          v = v * 8 + (p_[pos_++] - '0');
        return v;
      }
      case 'x': {
        if (!Accept('{')) return hex(2);
        int32_t v = 0;
        size_t start = pos_;
        while (!AtEnd() && Peek() != '}') {
          int32_t d = hex(1);
          if (d < 0) return -1;
          v = v * 16 + d;
          if (v > 0x10FFFF) {
            Fail("a code point above U+10FFFF");
            return -1;
          }
        }
        if (pos_ == start || !Accept('}')) {
          Fail("a malformed \\x{...} escape");
          return -1;
        }
        return v;
      }
      case 'u': return hex(4);
      default:
        if ((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z')) {
          Fail(StrCat("the escape \\", std::string(1, static_cast<char>(letter)),
                      " is not supported"));
          return -1;
        }
        if (letter >= '1' && letter <= '9') {
          Fail("back-references are not supported");
          return -1;
        }
        return letter;  // \. \* \\ \/ ... stand for themselves
    }
  }

  RegexNodePtr ParseEscape() {
    if (AtEnd()) return Fail("a trailing backslash");
    int32_t letter = p_[pos_++];
    switch (letter) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S': return ClassNode(PredefinedClass(letter), false);
      case 'b': return MakeRegexNode(Kind::kWordBoundary);
      case 'B': return MakeRegexNode(Kind::kNotWordBoundary);
      case 'A': return MakeRegexNode(Kind::kBegin);
      case 'z':
      case 'Z': return MakeRegexNode(Kind::kEnd);
      case 'p':
      case 'P': return Fail("\\p{...} character properties are not supported");
      case 'Q': {  // \Q...\E: everything in between is literal
        auto concat = MakeRegexNode(Kind::kConcat);
        while (!AtEnd() && !(Peek() == '\\' && Peek(1) == 'E')) {
          concat->kids.push_back(MakeRegexNode(Kind::kChar, p_[pos_++]));
        }
        pos_ = std::min(pos_ + 2, p_.size());
        return concat;
      }
      default: {
        int32_t c = EscapedChar(letter);
        if (c < 0) return nullptr;
        return MakeRegexNode(Kind::kChar, c);
      }
    }
  }

  // After '['. A ']' right after '[' or '[^' is a literal, as in Java.
  RegexNodePtr ParseClass() {
    bool negated = Accept('^');
    std::vector<CharRange> ranges;
    bool first = true;
    while (true) {
      if (AtEnd()) return Fail("missing ']'");
      int32_t c = p_[pos_++];
      if (c == ']' && !first) break;
      first = false;
      int32_t lo = c;
      if (c == '\\') {
        if (AtEnd()) return Fail("a trailing backslash");
        int32_t letter = p_[pos_++];
        if (letter < 128 &&
            std::string_view("dDwWsS").find(static_cast<char>(letter)) != std::string_view::npos) {
          for (const CharRange& r : PredefinedClass(letter)) ranges.push_back(r);
          continue;
        }
        lo = letter == 'b' ? 0x08 : EscapedChar(letter);
        if (lo < 0) return nullptr;
      }
      int32_t hi = lo;
      if (Peek() == '-' && Peek(1) != ']' && Peek(1) != -1) {
        ++pos_;
        hi = p_[pos_++];
        if (hi == '\\') {
          if (AtEnd()) return Fail("a trailing backslash");
          hi = EscapedChar(p_[pos_++]);
          if (hi < 0) return nullptr;
        }
        if (hi < lo) return Fail("a character range out of order");
      }
      ranges.push_back({lo, hi});
    }
    return ClassNode(std::move(ranges), negated);
  }

  int32_t Add(Op op, int32_t a = 0, int32_t b = 0) {
    out_.prog_.push_back({op, a, b});
    return static_cast<int32_t>(out_.prog_.size() - 1);
  }
  int32_t Here() const { return static_cast<int32_t>(out_.prog_.size()); }

  void Emit(const RegexNode& n) {
    if (out_.prog_.size() > kMaxRegexInstructions) return;  // Run reports it
    switch (n.kind) {
      case Kind::kEmpty: break;
      case Kind::kChar: Add(Op::kChar, out_.icase_ ? FoldCase(n.value) : n.value); break;
      case Kind::kAny: Add(out_.dotall_ ? Op::kAny : Op::kAnyButBreak); break;
      case Kind::kClass: Add(Op::kClass, n.value); break;
      case Kind::kBegin: Add(Op::kBegin); break;
      case Kind::kEnd: Add(Op::kEnd); break;
      case Kind::kWordBoundary: Add(Op::kWordBoundary); break;
      case Kind::kNotWordBoundary: Add(Op::kNotWordBoundary); break;
      case Kind::kConcat:
        for (const RegexNodePtr& k : n.kids) Emit(*k);
        break;
      case Kind::kAlt: {
        std::vector<int32_t> exits;
        for (size_t k = 0; k < n.kids.size(); ++k) {
          if (k + 1 < n.kids.size()) {
            int32_t split = Add(Op::kSplit, Here() + 1, 0);
            Emit(*n.kids[k]);
            exits.push_back(Add(Op::kJmp));
            out_.prog_[split].b = Here();
          } else {
            Emit(*n.kids[k]);
          }
        }
        for (int32_t j : exits) out_.prog_[j].a = Here();
        break;
      }
      case Kind::kRepeat: {
        const RegexNode& body = *n.kids[0];
        for (int k = 0; k < n.min; ++k) Emit(body);
        if (n.max < 0) {
          int32_t loop = Add(Op::kSplit, Here() + 1, 0);
          Emit(body);
          Add(Op::kJmp, loop);
          out_.prog_[loop].b = Here();
        } else {
          // Each optional copy may be skipped, and skipping one skips the rest.
          std::vector<int32_t> splits;
          for (int k = n.min; k < n.max; ++k) {
            splits.push_back(Add(Op::kSplit, Here() + 1, 0));
            Emit(body);
          }
          for (int32_t s : splits) out_.prog_[s].b = Here();
        }
        break;
      }
    }
  }

  std::vector<int32_t> p_;
  size_t pos_ = 0;
  std::string error_;
  RegexProgram& out_;
};

std::unique_ptr<RegexProgram> RegexProgram::Compile(std::string_view pattern, std::string* error) {
  auto program = std::make_unique<RegexProgram>();
  if (!RegexCompiler(pattern, *program).Run(error)) return nullptr;
  return program;
}

bool RegexProgram::FullMatch(std::string_view text) const {
  const std::vector<int32_t> in = DecodeCodePoints(text);
  const size_t n = prog_.size();
  // Sparse sets of program counters: O(1) insert, test and clear.
  struct ThreadSet {
    std::vector<int32_t> dense;
    std::vector<uint32_t> sparse;
    explicit ThreadSet(size_t n) : sparse(n, 0) { dense.reserve(n); }
    bool Contains(int32_t pc) const {
      uint32_t i = sparse[pc];
      return i < dense.size() && dense[i] == pc;
    }
    void Insert(int32_t pc) {
      sparse[pc] = static_cast<uint32_t>(dense.size());
      dense.push_back(pc);
    }
  };
  ThreadSet current(n), next(n);
  std::vector<int32_t> stack;
  // Follows the non-consuming instructions from `start` at text position `at`.
  auto add = [&](ThreadSet& set, int32_t start, size_t at) {
    stack.push_back(start);
    while (!stack.empty()) {
      int32_t pc = stack.back();
      stack.pop_back();
      if (set.Contains(pc)) continue;
      set.Insert(pc);
      const Inst& inst = prog_[pc];
      switch (inst.op) {
        case Op::kJmp: stack.push_back(inst.a); break;
        case Op::kSplit:
          stack.push_back(inst.b);
          stack.push_back(inst.a);
          break;
        case Op::kBegin:
          if (at == 0) stack.push_back(pc + 1);
          break;
        case Op::kEnd:
          if (at == in.size()) stack.push_back(pc + 1);
          break;
        case Op::kWordBoundary:
        case Op::kNotWordBoundary: {
          bool before = at > 0 && IsWordChar(in[at - 1]);
          bool after = at < in.size() && IsWordChar(in[at]);
          if ((before != after) == (inst.op == Op::kWordBoundary)) stack.push_back(pc + 1);
          break;
        }
        default: break;  // consuming instructions and kMatch wait for the next character
      }
    }
  };
  add(current, 0, 0);
  for (size_t at = 0; at < in.size(); ++at) {
    if (current.dense.empty()) return false;
    next.dense.clear();
    const int32_t c = in[at];
    const int32_t folded = icase_ ? FoldCase(c) : c;
    for (int32_t pc : current.dense) {
      const Inst& inst = prog_[pc];
      bool ok = false;
      switch (inst.op) {
        case Op::kChar: ok = folded == inst.a; break;
        case Op::kAny: ok = true; break;
        case Op::kAnyButBreak:
          ok = c != '\n' && c != '\r' && c != 0x85 && c != 0x2028 && c != 0x2029;
          break;
        case Op::kClass: ok = ClassMatches(classes_[inst.a], c); break;
        default: break;
      }
      if (ok) add(next, pc + 1, at + 1);
    }
    std::swap(current, next);
  }
  for (int32_t pc : current.dense) {
    if (prog_[pc].op == Op::kMatch) return true;
  }
  return false;
}

}  // namespace

struct RegexMatcher::Program {
  std::unique_ptr<RegexProgram> program;
};

RegexMatcher::RegexMatcher(std::unique_ptr<Program> program) : program_(std::move(program)) {}
RegexMatcher::~RegexMatcher() = default;

std::unique_ptr<RegexMatcher> RegexMatcher::Compile(std::string_view pattern, std::string* error) {
  std::unique_ptr<RegexProgram> compiled = RegexProgram::Compile(pattern, error);
  if (compiled == nullptr) return nullptr;
  return std::unique_ptr<RegexMatcher>(
      new RegexMatcher(std::make_unique<Program>(Program{std::move(compiled)})));
}

bool RegexMatcher::FullMatch(std::string_view text) const { return program_->program->FullMatch(text); }

}  // namespace alliance::query
