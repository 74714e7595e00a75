/*
 * The floor for any libyaml user: a bare loop over libyaml's event parser, with no tree, no values and no checks.
 *
 *   yaml_events FILE          parses every event of FILE and prints how many there were
 *   yaml_events FILE OUT      parses every event of FILE and emits each one to OUT through libyaml's emitter
 *
 * Built by the benchmark (Benchmarks/run.py):
 *   cc -O2 -o yaml_events yaml_events.c $(pkg-config --cflags --libs yaml-0.1)
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static int fail_parser(const char *path, const yaml_parser_t *parser) {
    fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser->problem_mark.line + 1, parser->problem_mark.column + 1,
            parser->problem ? parser->problem : "cannot parse");
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s FILE [OUT]\n", argv[0]);
        return 64;
    }
    FILE *input = fopen(argv[1], "rb");
    if (!input) {
        perror(argv[1]);
        return 2;
    }
    FILE *output = NULL;
    if (argc == 3) {
        output = fopen(argv[2], "wb");
        if (!output) {
            perror(argv[2]);
            return 2;
        }
    }

    yaml_parser_t parser;
    yaml_emitter_t emitter;
    if (!yaml_parser_initialize(&parser)) return fail_parser(argv[1], &parser);
    yaml_parser_set_input_file(&parser, input);
    if (output) {
        if (!yaml_emitter_initialize(&emitter)) {
            fprintf(stderr, "%s: cannot start the emitter\n", argv[2]);
            return 1;
        }
        yaml_emitter_set_output_file(&emitter, output);
        yaml_emitter_set_unicode(&emitter, 1);
        yaml_emitter_set_width(&emitter, -1);
    }

    unsigned long long events = 0;
    int done = 0;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) return fail_parser(argv[1], &parser);
        done = event.type == YAML_STREAM_END_EVENT;
        events++;
        if (output) {
            /* The emitter takes the event over, and frees it. */
            if (!yaml_emitter_emit(&emitter, &event)) {
                fprintf(stderr, "%s: %s\n", argv[2], emitter.problem ? emitter.problem : "cannot emit");
                return 1;
            }
        } else {
            yaml_event_delete(&event);
        }
    }

    yaml_parser_delete(&parser);
    fclose(input);
    if (output) {
        yaml_emitter_delete(&emitter);
        if (fclose(output) != 0) {
            perror(argv[2]);
            return 1;
        }
    }
    printf("%llu events\n", events);
    return 0;
}
